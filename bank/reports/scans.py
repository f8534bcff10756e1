"""The double-offer scan: queued by the app, computed by the worker, stored as DoubleScan.

The request never runs the engine's scan; it queues a scan (bank.tasks.queue_scan) and
reads the latest stored result. A running scan holds a lease: the worker writes a heartbeat
every third of SCAN_LEASE_SECONDS while it computes. A running scan whose heartbeat is older
than the lease belongs to a worker that died (SIGKILL, lost machine): it is marked failed and
a new scan can be queued at once. A queued scan is taken as lost when no worker has picked it
up within LOST_AFTER.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bank import danish
from bank.auth.models import User
from bank.db import utcnow
from bank.errors import Invalid
from bank.offers.catalogue import catalogue_version
from bank.ranking import DOUBLE_THRESHOLD, find_double_offers, published_offer_records
from bank.reports.models import DoubleScan, ScanStatus
from bank.reports.scan_lease import LOST_AFTER, Heartbeat, reap_lapsed, running_scan

LOWEST, HIGHEST = 0.2, 0.9  # the range a leader may set the threshold in


def normal_threshold(threshold: float | str | None) -> float:
    """Return the threshold rounded to two decimals (the engine's default when None)."""
    if threshold is None or threshold == "":
        return DOUBLE_THRESHOLD
    try:
        value = round(danish.read_number(str(threshold)), 2)
    except ValueError:
        value = -1.0
    if not LOWEST <= value <= HIGHEST:
        raise Invalid(
            {
                "threshold": [
                    (
                        f"must be a number from {LOWEST} to {HIGHEST}",
                        f"Grænsen skal være et tal fra {danish.number(LOWEST, 1, fixed=True)} "
                        f"til {danish.number(HIGHEST, 1, fixed=True)}",
                    )
                ]
            }
        )
    return value


def latest_scan(session: Session, threshold: float) -> DoubleScan | None:
    """Return the newest finished scan for this threshold."""
    query = (
        sa.select(DoubleScan)
        .where(DoubleScan.threshold == threshold, DoubleScan.status == ScanStatus.DONE)
        .order_by(DoubleScan.computed_at.desc(), DoubleScan.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def pending_scan(session: Session, threshold: float) -> DoubleScan | None:
    """Return a scan for this threshold that a live worker runs, or that waits (not lost)."""
    running = running_scan(session, threshold)
    if running is not None:
        return running
    query = (
        sa.select(DoubleScan)
        .where(
            DoubleScan.threshold == threshold,
            DoubleScan.status == ScanStatus.QUEUED,
            DoubleScan.requested_at >= utcnow() - LOST_AFTER,
        )
        .order_by(DoubleScan.id.desc())
    )
    return session.scalars(query.limit(1)).first()


def scan_due(latest: DoubleScan | None, pending: DoubleScan | None, stale: bool) -> bool:
    """Tell whether a new scan is due: none waits or runs, and the latest is missing or stale."""
    return pending is None and (latest is None or stale)


def request_scan(
    session: Session,
    threshold: float | str | None = None,
    user: User | None = None,
    force: bool = False,
) -> DoubleScan | None:
    """Add a queued scan unless one is pending or the latest is up to date (unless forced).

    Forced ("Beregn igen"), a scan is queued whenever none is really running: scans that only
    wait are superseded by it. Lapsed and lost scans are marked failed first. Returns the new
    scan (flushed; the caller commits and enqueues it), or None.
    """
    threshold = normal_threshold(threshold)
    reap_lapsed(session)
    if force:
        if running_scan(session, threshold) is not None:
            return None
        session.execute(
            sa.update(DoubleScan)
            .where(DoubleScan.threshold == threshold, DoubleScan.status == ScanStatus.QUEUED)
            .values(status=ScanStatus.FAILED, error="superseded by a newer request")
            .execution_options(synchronize_session=False)
        )
    version = catalogue_version(session)
    latest = latest_scan(session, threshold)
    stale = latest is not None and latest.catalogue_version != version
    if not force and not scan_due(latest, pending_scan(session, threshold), stale):
        return None
    scan = DoubleScan(
        threshold=threshold, catalogue_version=version, requested_by=user, status=ScanStatus.QUEUED
    )
    session.add(scan)
    session.flush()
    return scan


def _stored(pairs, ids: dict[str, int]) -> list[dict]:
    out = []
    for pair in pairs:
        a, b = sorted((ids[pair.a], ids[pair.b]))
        out.append({"a": a, "b": b, "score": pair.score, "why": pair.why})
    return out


def compute_scan(session: Session, scan: DoubleScan, lease: timedelta) -> DoubleScan:
    """Compute a claimed scan's result, heartbeating while the engine works; the worker commits."""
    with Heartbeat(session.get_bind().engine, scan.id, lease):
        version = catalogue_version(session)
        records, ids = published_offer_records(session)
        report = find_double_offers(records, scan.threshold)
    scan.results = {
        "pairs": _stored(report.pairs, ids),
        "partial": _stored(report.partial, ids),
    }
    scan.catalogue_version, scan.offer_count = version, len(records)
    scan.status, scan.computed_at, scan.error = ScanStatus.DONE, utcnow(), ""
    return scan


def mark_failed(session: Session, scan_id: int, error: BaseException) -> DoubleScan | None:
    """Mark a scan failed with the error that stopped it; the worker commits."""
    scan = session.get(DoubleScan, scan_id)
    if scan is not None:
        scan.status, scan.error = ScanStatus.FAILED, f"{type(error).__name__}: {error}"
    return scan
