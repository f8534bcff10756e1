"""The lease of a running double-offer scan: a worker's heartbeat, and what happens without one.

While a worker computes a scan it renews the scan's heartbeat every third of the lease
(SCAN_LEASE_SECONDS, 60 by default). A running scan whose heartbeat is older than the lease
belongs to a worker that died: reap_lapsed marks it failed, and another may be queued.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy.orm import Session

from bank.db import utcnow
from bank.reports.models import DoubleScan, ScanStatus

LOST_AFTER = timedelta(minutes=15)  # a queued scan no worker picked up in this time is lost
DEFAULT_LEASE = timedelta(seconds=60)
log = logging.getLogger(__name__)


def scan_lease() -> timedelta:
    """Return how long a running scan stays alive without a heartbeat (SCAN_LEASE_SECONDS)."""
    if has_app_context() and current_app.config.get("SCAN_LEASE_SECONDS"):
        return timedelta(seconds=float(current_app.config["SCAN_LEASE_SECONDS"]))
    return DEFAULT_LEASE


def _alive_since():
    return sa.func.coalesce(DoubleScan.heartbeat_at, DoubleScan.started_at)


def _changed(session: Session, statement: sa.Update) -> int:
    """Run an UPDATE and return how many rows it changed."""
    result = cast("sa.CursorResult[Any]", session.execute(statement))
    return result.rowcount


def reap_lapsed(
    session: Session, now: datetime | None = None, lease: timedelta | None = None
) -> int:
    """Mark failed the running scans whose lease lapsed and the queued ones lost; return count."""
    now, lease = now or utcnow(), lease or scan_lease()
    dead = _changed(
        session,
        sa.update(DoubleScan)
        .where(DoubleScan.status == ScanStatus.RUNNING, _alive_since() < now - lease)
        .values(status=ScanStatus.FAILED, error="the worker stopped (its lease lapsed)")
        .execution_options(synchronize_session=False),
    )
    lost = _changed(
        session,
        sa.update(DoubleScan)
        .where(DoubleScan.status == ScanStatus.QUEUED, DoubleScan.requested_at < now - LOST_AFTER)
        .values(status=ScanStatus.FAILED, error="no worker picked it up")
        .execution_options(synchronize_session=False),
    )
    if dead or lost:
        session.expire_all()
        log.warning("marked %s lapsed and %s lost double-offer scans failed", dead, lost)
    return dead + lost


def running_scan(
    session: Session, threshold: float, now: datetime | None = None
) -> DoubleScan | None:
    """Return a scan for this threshold that a live worker computes (its lease held), if any."""
    now = now or utcnow()
    query = sa.select(DoubleScan).where(
        DoubleScan.threshold == threshold,
        DoubleScan.status == ScanStatus.RUNNING,
        _alive_since() >= now - scan_lease(),
    )
    return session.scalars(query.order_by(DoubleScan.id.desc()).limit(1)).first()


def claim_scan(session: Session, scan_id: int, lease: timedelta) -> bool:
    """Take a queued scan (or one whose worker died) for this worker; return if taken.

    The worker commits the claim at once, so that no other worker takes the scan too.
    """
    now = utcnow()
    taken = _changed(
        session,
        sa.update(DoubleScan)
        .where(
            DoubleScan.id == scan_id,
            sa.or_(
                DoubleScan.status == ScanStatus.QUEUED,
                sa.and_(DoubleScan.status == ScanStatus.RUNNING, _alive_since() < now - lease),
            ),
        )
        .values(status=ScanStatus.RUNNING, started_at=now, heartbeat_at=now)
        .execution_options(synchronize_session=False),
    )
    return taken == 1


class Heartbeat:
    """A thread that renews a running scan's lease until stopped (used as a context manager)."""

    def __init__(self, engine: sa.Engine, scan_id: int, lease: timedelta):
        self.engine, self.scan_id = engine, scan_id
        self.every = max(lease.total_seconds() / 3, 0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"scan-{scan_id}-heartbeat", daemon=True
        )

    def beat(self) -> None:
        """Write the heartbeat once, in its own transaction."""
        with self.engine.begin() as connection:
            connection.execute(
                sa.update(DoubleScan)
                .where(DoubleScan.id == self.scan_id, DoubleScan.status == ScanStatus.RUNNING)
                .values(heartbeat_at=utcnow())
            )

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.beat()
            except Exception:  # a missed beat is retried; the lease allows two more
                log.exception("heartbeat of double-offer scan %s failed", self.scan_id)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
