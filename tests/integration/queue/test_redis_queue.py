"""The task queue on the machine's Redis (db 3, a queue name of its own per test).

A worker consumes a double-offer scan from Redis, and a scan queued while no worker runs
waits in Redis until a worker (in a new app, as after a restart) comes back and runs it.
In CI these tests must not skip (tests/conftest.py fails the run if they do).
"""

from __future__ import annotations

import time
import uuid

import pytest
import redis
from huey import RedisHuey

from bank import create_app, db, tasks
from bank.reports.models import DoubleScan, ScanStatus
from bank.tasks import get_queue, queue_scan, start_embedded_worker

REDIS_URL = "redis://127.0.0.1:6379/3"
pytestmark = pytest.mark.redis


@pytest.fixture
def queue_name():
    """Return a unique queue name on Redis db 3; skip if Redis is not there; clean up after."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis at 127.0.0.1:6379 (bash .ci/run starts it)")
    name = f"kbtest{uuid.uuid4().hex[:12]}"  # huey keeps letters and digits only
    yield name
    for key in client.scan_iter(f"*{name}*"):
        client.delete(key)
    client.close()


def use_redis(app, name: str) -> RedisHuey:
    """Switch the app's task queue to Redis under this queue name."""
    app.config.update(TASK_QUEUE="redis", REDIS_URL=REDIS_URL, TASK_QUEUE_NAME=name)
    tasks.init_app(app)
    huey = get_queue(app).huey
    assert isinstance(huey, RedisHuey)
    return huey


def wait_for_scan(session, scan_id: int) -> DoubleScan:
    """Wait (at most ~60 s) until the worker has finished the scan; return it."""
    for _ in range(600):
        session.expire_all()
        scan = session.get(DoubleScan, scan_id)
        if scan.status in (ScanStatus.DONE, ScanStatus.FAILED):
            return scan
        time.sleep(0.1)
    return scan


def test_a_worker_consumes_a_double_offer_scan_from_redis(app, session, demo_catalogue, queue_name):
    huey = use_redis(app, queue_name)
    scan_id = queue_scan(session)
    session.commit()  # the scan reaches the queue when its unit of work commits
    assert [t.name for t in huey.pending()] == ["rescan_doubles"]  # in Redis, not here
    consumer = start_embedded_worker(app)
    try:
        scan = wait_for_scan(session, scan_id)
    finally:
        consumer.stop(graceful=True)
    assert scan.status == ScanStatus.DONE, scan.error
    assert scan.offer_count == 71 and scan.results["pairs"]
    # the scan left the queue (the worker's scheduler may have queued its minutely check)
    assert "rescan_doubles" not in [task.name for task in huey.pending()]


def test_a_scan_queued_while_the_worker_is_down_runs_when_it_comes_back(
    app, session, demo_catalogue, queue_name, database_url
):
    huey = use_redis(app, queue_name)
    scan_id = queue_scan(session)  # no worker runs
    session.commit()
    time.sleep(0.5)
    session.expire_all()
    assert session.get(DoubleScan, scan_id).status == ScanStatus.QUEUED
    assert huey.pending_count() == 1
    db.session.remove()  # the new app binds the scoped session to its own engine
    restarted = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": database_url,
            "TASK_QUEUE": "redis",
            "REDIS_URL": REDIS_URL,
            "TASK_QUEUE_NAME": queue_name,
        }
    )
    consumer = start_embedded_worker(restarted)  # a new process's worker, same Redis queue
    try:
        scan = wait_for_scan(session, scan_id)
    finally:
        consumer.stop(graceful=True)
        db.session.remove()
        db.get_engine(restarted).dispose()
    assert scan.status == ScanStatus.DONE, scan.error
    # the scan left the queue (the worker's scheduler may have queued its minutely check)
    assert "rescan_doubles" not in [task.name for task in huey.pending()]
