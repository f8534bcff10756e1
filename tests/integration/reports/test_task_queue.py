"""The task queue: SQLite by default, Redis when configured, and a real worker that scans."""

from __future__ import annotations

import time

import pytest
from flask import Flask
from huey import MemoryHuey, RedisHuey, SqliteHuey

from bank import tasks
from bank.cli import main
from bank.config import ConfigError
from bank.reports.models import DoubleScan, ScanStatus
from bank.tasks import get_queue, make_huey, queue_scan, start_embedded_worker


def bare_app(tmp_path, **settings) -> Flask:
    app = Flask("queue-test", instance_path=str(tmp_path / "instance"))
    app.config.update({"REDIS_URL": None, **settings})
    return app


def test_the_queue_is_embedded_sqlite_under_the_instance_folder_by_default(tmp_path):
    huey = make_huey(bare_app(tmp_path))
    assert isinstance(huey, SqliteHuey)
    assert huey.storage.filename == str(tmp_path / "instance" / "tasks.sqlite3")


def test_the_queue_is_redis_when_a_redis_url_is_set(tmp_path):
    huey = make_huey(bare_app(tmp_path, REDIS_URL="redis://127.0.0.1:6399/3"))
    assert isinstance(huey, RedisHuey)
    assert huey.storage.pool.connection_kwargs["port"] == 6399  # no connection until used


def test_tests_keep_tasks_in_memory_until_they_run_them(app):
    huey = get_queue(app).huey
    assert isinstance(huey, MemoryHuey) and not huey.immediate


def test_an_unknown_queue_kind_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="TASK_QUEUE must be one of"):
        make_huey(bare_app(tmp_path, TASK_QUEUE="carrier-pigeon"))


def test_the_worker_command_refuses_a_queue_it_cannot_share(runner):
    result = runner.invoke(main, ["worker"])
    assert result.exit_code != 0
    assert "memory task queue cannot be shared with a worker" in result.output


def test_a_real_worker_on_the_sqlite_queue_computes_a_queued_scan(
    app, tmp_path, session, demo_catalogue
):
    app.config.update(TASK_QUEUE="sqlite", TASK_QUEUE_FILE=str(tmp_path / "q.sqlite3"))
    tasks.init_app(app)  # the app's queue is now the embedded SQLite one
    scan_id = queue_scan(session)
    session.commit()  # the scan reaches the queue when its unit of work commits
    consumer = start_embedded_worker(app)
    try:
        for _ in range(300):  # wait for the worker's thread, at most ~30 s
            session.expire_all()
            scan = session.get(DoubleScan, scan_id)
            if scan.status in (ScanStatus.DONE, ScanStatus.FAILED):
                break
            time.sleep(0.1)
    finally:
        consumer.stop(graceful=True)
    assert scan.status == ScanStatus.DONE
    assert scan.offer_count == 71 and scan.results["pairs"]


def test_a_queued_scan_reaches_the_worker_only_when_its_unit_of_work_commits(app, session):
    huey = get_queue(app).huey
    queue_scan(session)
    assert huey.pending_count() == 0  # the worker would not find the row yet
    session.rollback()
    session.commit()
    assert huey.pending_count() == 0  # rolled back: the scan and its task are gone
    scan_id = queue_scan(session)
    session.commit()
    assert huey.pending_count() == 1
    session.expire_all()
    assert session.get(DoubleScan, scan_id).status == ScanStatus.QUEUED
