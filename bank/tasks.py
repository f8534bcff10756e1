"""The background task queue (huey): heavy work such as the double-offer scan runs here.

One huey instance per app, made from its configuration (TASK_QUEUE):
- "sqlite" (default): embedded, stored in instance/tasks.sqlite3, no server needed;
- "redis": when BANK_REDIS_URL is set (production, several app processes);
- "memory": tests; tasks wait in memory until a test runs them (`run_pending`);
- "immediate": tasks run at once where they are queued (debugging only).
`bank worker` runs the consumer; `bank demo` starts one inside its process.

The scan follows the catalogue without the offers package knowing about reports: a
periodic task compares the catalogue version with the last scan's every minute, and the
report page queues a scan when it finds its result stale.
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab
from huey.api import TaskWrapper
from huey.consumer import Consumer
from sqlalchemy.orm import Session

from bank import db
from bank.config import ConfigError
from bank.decisions import services as decisions
from bank.ranking import current_stamp, save_current_index
from bank.ranking.index import catalogue_index
from bank.ranking.learning import LearnedFit, refit, refit_due
from bank.reports.models import DoubleScan
from bank.reports.scan_lease import claim_scan, scan_lease
from bank.reports.scans import compute_scan, mark_failed, request_scan
from bank.unit_of_work import after_commit

QUEUE_NAME = "kompetencebanken"
KINDS = ("sqlite", "redis", "memory", "immediate")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskQueue:
    """The app's huey instance and the tasks registered on it."""

    huey: Huey
    rescan_doubles: TaskWrapper
    check_catalogue: TaskWrapper


def queue_kind(app: Flask) -> str:
    """Return which queue the app uses: configured, else Redis if set, memory in tests, SQLite."""
    kind = app.config.get("TASK_QUEUE") or (
        "redis" if app.config.get("REDIS_URL") else "memory" if app.testing else "sqlite"
    )
    if kind not in KINDS:
        raise ConfigError(f"TASK_QUEUE must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def huey_file(app: Flask) -> Path:
    """Return the SQLite file of the embedded queue: TASK_QUEUE_FILE or instance/tasks.sqlite3."""
    return Path(app.config.get("TASK_QUEUE_FILE") or Path(app.instance_path) / "tasks.sqlite3")


def make_huey(app: Flask) -> Huey:
    """Create the huey instance the configuration asks for."""
    kind = queue_kind(app)
    if kind == "redis":
        name = app.config.get("TASK_QUEUE_NAME") or QUEUE_NAME  # tests use a unique name
        return RedisHuey(name, url=app.config["REDIS_URL"], results=False)
    if kind == "sqlite":
        path = huey_file(app)
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(QUEUE_NAME, filename=str(path), results=False)
    return MemoryHuey(QUEUE_NAME, results=False, immediate=kind == "immediate")


def init_app(app: Flask) -> None:
    """Create the app's task queue and register its tasks."""
    huey = make_huey(app)

    @huey.task(name="rescan_doubles")
    def rescan_doubles(scan_id: int) -> None:
        """Compute a queued double-offer scan and store its result."""
        with app.app_context():
            run_scan(db.session, scan_id)  # heartbeats while it runs: see scan_lease

    @huey.periodic_task(crontab(minute="*"), name="check_catalogue")
    def check_catalogue() -> None:
        """Queue a scan when the catalogue has changed since the last one; save its index."""
        with app.app_context():
            queue_scan(db.session)
            db.session.commit()  # the worker's own unit of work; the scan is handed on after it
            save_current_index(db.session)  # web processes map it instead of building it
            refit_learned(db.session)  # when enough new decisions have arrived

    app.extensions["bank.tasks"] = TaskQueue(huey, rescan_doubles, check_catalogue)


def get_queue(app: Flask | None = None) -> TaskQueue:
    """Return the task queue of the app (the current one by default)."""
    return (app or current_app).extensions["bank.tasks"]


def queue_scan(
    session: Session, threshold: float | str | None = None, user=None, force: bool = False
) -> int | None:
    """Add a double-offer scan unless an up-to-date one exists or runs; return its id.

    Forced, it queues whenever no live worker is computing one (see request_scan). The
    caller's unit of work commits the scan (and marks lapsed scans failed); only then is it
    handed to the worker, which must find the row.
    """
    scan = request_scan(session, threshold, user, force)
    if scan is None:
        return None
    scan_id = scan.id
    after_commit(lambda: get_queue().rescan_doubles(scan_id), session)
    return scan_id


def run_scan(session: Session, scan_id: int, lease: timedelta | None = None) -> DoubleScan | None:
    """Compute a queued scan as the worker's unit of work: claim it, compute it, keep the result.

    The claim is committed at once, so no other worker takes the scan; a failure is rolled
    back, then recorded on the scan and committed, and raised again for the queue to log.
    """
    lease = lease or scan_lease()
    claimed = claim_scan(session, scan_id, lease)
    session.commit()
    if not claimed:
        return session.get(DoubleScan, scan_id)
    scan = session.get(DoubleScan, scan_id)
    if scan is None:  # claimed, so it exists; this tells the type checker
        return None
    session.refresh(scan)
    try:
        compute_scan(session, scan, lease)
        session.commit()
    except Exception as error:
        session.rollback()
        log.exception("double-offer scan %s failed", scan_id)
        mark_failed(session, scan_id, error)
        session.commit()
        raise
    return scan


def refit_learned(session: Session, force: bool = False) -> LearnedFit | None:
    """Refit the learned signal when LEARN_AFTER new decisions arrived (or forced), and keep it.

    The worker's own unit of work; the cross-validation ranks every decided need a few
    times, so it never runs in a request.
    """
    count = decisions.decision_count(session)
    if not force and not refit_due(session, count, current_app.config.get("LEARN_AFTER", 20)):
        return None
    examples = decisions.learning_examples(session)
    index = catalogue_index(session)
    row = refit(session, index, examples, current_stamp(session).version, count)
    session.commit()
    return row


def run_pending(app: Flask | None = None) -> int:
    """Run every task waiting in the queue, here and now; return how many ran (tests, tools)."""
    huey = get_queue(app).huey
    ran = 0
    while (task := huey.dequeue()) is not None:
        huey.execute(task)
        ran += 1
    return ran


def make_consumer(app: Flask, workers: int = 1) -> Consumer:
    """Return a huey consumer for the app's queue, polling at least once a second."""
    return get_queue(app).huey.create_consumer(
        workers=workers, periodic=True, initial_delay=0.1, backoff=1.15, max_delay=1.0
    )


def start_embedded_worker(app: Flask) -> Consumer:
    """Start a consumer's threads inside this process (demo, browser tests); stop() ends it.

    Consumer.start() installs the signal handlers a stand-alone consumer wants; the host
    process (the dev server, pytest) keeps its own, so they are put back.
    """
    consumer = make_consumer(app)
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        consumer.start()
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    return consumer


@click.command("worker")
@click.option("--workers", default=1, show_default=True, help="Worker threads.")
@with_appcontext
def worker_command(workers: int) -> None:
    """Run the background worker: double-offer scans and the catalogue check (Ctrl+C stops)."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    kind = queue_kind(app)
    if kind in ("memory", "immediate"):
        raise click.ClickException(f"the {kind} task queue cannot be shared with a worker")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    where = "Redis" if kind == "redis" else huey_file(app)
    click.echo(f"Worker running on the {kind} queue ({where}). Stop with Ctrl+C.")
    make_consumer(app, workers).run()
