"""A crashed worker heals: a running scan holds a lease, and a lapsed lease frees the report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta

import sqlalchemy as sa

from bank.db import utcnow
from bank.reports.models import DoubleScan, ScanStatus
from bank.reports.scan_lease import reap_lapsed
from bank.reports.scans import normal_threshold
from bank.tasks import run_pending

RESCAN = "/rapporter/dobbelttilbud/beregn"


def _scan(session, status: ScanStatus, beat_ago: timedelta | None) -> DoubleScan:
    now = utcnow()
    scan = DoubleScan(threshold=normal_threshold(None), status=status)
    if beat_ago is not None:
        scan.started_at = scan.heartbeat_at = now - beat_ago
    session.add(scan)
    session.commit()
    return scan


def _scans(session) -> list[DoubleScan]:
    session.expire_all()
    return list(session.scalars(sa.select(DoubleScan).order_by(DoubleScan.id)))


def test_a_scan_whose_heartbeat_lapsed_is_marked_failed_and_a_rescan_starts_at_once(
    client, auth, make_user, session, demo_catalogue
):
    dead = _scan(session, ScanStatus.RUNNING, beat_ago=timedelta(minutes=2))
    auth.login(make_user("leader", unit=None))
    page = client.post(RESCAN, follow_redirects=True).get_data(as_text=True)
    assert "Rapporten bliver beregnet igen." in page
    old, new = _scans(session)
    assert (old.id, old.status) == (dead.id, ScanStatus.FAILED) and "lease" in old.error
    assert new.status == ScanStatus.QUEUED
    assert run_pending() == 1
    assert _scans(session)[-1].status == ScanStatus.DONE


def test_a_scan_a_live_worker_computes_is_not_queued_twice(client, auth, make_user, session):
    _scan(session, ScanStatus.RUNNING, beat_ago=timedelta(seconds=5))
    auth.login(make_user("leader", unit=None))
    page = client.post(RESCAN, follow_redirects=True).get_data(as_text=True)
    assert "En beregning er allerede i gang." in page
    assert [s.status for s in _scans(session)] == [ScanStatus.RUNNING]


def test_a_forced_rescan_supersedes_a_scan_that_only_waits(client, auth, make_user, session):
    waiting = _scan(session, ScanStatus.QUEUED, beat_ago=None)
    auth.login(make_user("leader", unit=None))
    client.post(RESCAN)
    old, new = _scans(session)
    assert old.id == waiting.id and old.status == ScanStatus.FAILED
    assert new.status == ScanStatus.QUEUED


def test_a_queued_scan_no_worker_took_is_lost_after_a_while(session):
    waiting = _scan(session, ScanStatus.QUEUED, beat_ago=None)
    assert reap_lapsed(session, now=utcnow() + timedelta(minutes=14)) == 0
    assert reap_lapsed(session, now=utcnow() + timedelta(minutes=16)) == 1
    session.commit()
    assert session.get(DoubleScan, waiting.id).status == ScanStatus.FAILED


WORKER = textwrap.dedent(
    """
    import sys, time
    import bank.reports.scans as scans
    from bank import create_app, db, tasks

    scans.find_double_offers = lambda records, threshold: time.sleep(600)  # a long scan
    app = create_app({"TESTING": True, "DATABASE_URL": sys.argv[1], "SCAN_LEASE_SECONDS": 0.3})
    with app.app_context():
        tasks.run_scan(db.session, int(sys.argv[2]))
    """
)


def _wait_for(condition, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := condition()) is not None:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting after {seconds} s")


def test_a_worker_killed_mid_scan_leaves_a_scan_that_is_failed_and_rescanned(
    app, client, auth, make_user, session, database_url, tmp_path
):
    app.config["SCAN_LEASE_SECONDS"] = 0.3
    queued = _scan(session, ScanStatus.QUEUED, beat_ago=None)
    env = {**os.environ, "BANK_SECRET_KEY": "worker-test", "PYTHONPATH": os.getcwd()}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, database_url, str(queued.id)], cwd=tmp_path, env=env
    )
    try:

        def second_beat():
            scan = _scans(session)[0]
            beating = scan.status == ScanStatus.RUNNING and scan.heartbeat_at > scan.started_at
            return scan if beating else None

        assert worker.poll() is None
        beating = _wait_for(second_beat)  # the worker renews its lease while it computes
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    last_beat = _scans(session)[0].heartbeat_at
    assert last_beat >= beating.heartbeat_at
    _wait_for(lambda: True if utcnow() > last_beat + timedelta(seconds=0.3) else None)

    auth.login(make_user("leader", unit=None))
    page = client.post(RESCAN, follow_redirects=True).get_data(as_text=True)
    assert "Rapporten bliver beregnet igen." in page
    old, new = _scans(session)
    assert old.status == ScanStatus.FAILED and new.status == ScanStatus.QUEUED
    assert run_pending() == 1
    assert _scans(session)[-1].status == ScanStatus.DONE
