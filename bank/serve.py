"""`bank serve`: the production web server (gunicorn), beside `bank worker`.

Every setting has an option and a BANK_WEB_* environment variable (docs/operations.md):
- workers (BANK_WEB_WORKERS, default 2): processes; they share one saved engine index;
- threads (BANK_WEB_THREADS, default 4): threads per process (gthread worker);
- timeout (BANK_WEB_TIMEOUT, default 60 s): a request busier than this is killed;
- keep-alive (BANK_WEB_KEEPALIVE, default 5 s); graceful timeout 30 s on restart; at most
  1,000 requests per process (with jitter) before it is replaced, so no leak grows for ever;
- proxy headers: set BANK_PROXY_COUNT=N behind N proxies (see bank.observability).
Each worker loads the current index before it takes requests, so the first search is fast.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from bank import create_app, db
from bank.cli_options import env_count_option, env_int, env_text_option
from bank.ranking import warm_index

log = logging.getLogger(__name__)


def gunicorn_options(bind: str, workers: int, threads: int, timeout: int) -> dict[str, Any]:
    """Return the gunicorn settings `bank serve` runs with."""
    return {
        "bind": bind,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "timeout": timeout,
        "graceful_timeout": 30,
        "keepalive": env_int("BANK_WEB_KEEPALIVE", 5),
        "max_requests": 1000,
        "max_requests_jitter": 100,
        "accesslog": None,  # bank.observability logs one JSON line per request instead
        "errorlog": "-",
        "forwarded_allow_ips": "*" if os.environ.get("BANK_PROXY_COUNT") else "127.0.0.1",
        "proc_name": "kompetencebanken",
        "control_socket_disable": True,  # several servers may run side by side on one host
        "logconfig_dict": _log_config(),
        "post_worker_init": _warm_index,
    }


def _log_config() -> dict[str, Any]:
    json_lines = {"()": "bank.observability.JsonFormatter"}
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": json_lines},
        "handlers": {"console": handler, "error_console": handler},
        "root": {"level": "INFO", "handlers": ["console"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        },
    }


def _warm_index(worker: Any) -> None:
    """Map (or build) the current engine index before the worker takes requests."""
    app = worker.wsgi
    try:
        with app.app_context():
            warm_index(db.session)  # gunicorn kills a worker that boots longer than --timeout
            db.session.remove()
    except Exception:  # a missing table or database: the first search will say so
        log.exception("could not load the engine index at start")


class BankServer(BaseApplication):
    """gunicorn running the bank's Flask app, one app per worker process."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Hand our options to gunicorn."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        """Create the app in the worker (after the fork: no shared connections)."""
        return create_app()


@click.command("serve")
@env_text_option("--bind", "BANK_BIND", "127.0.0.1:8000", "Address and port to listen on.")
@env_count_option("--workers", "BANK_WEB_WORKERS", 2, "Web processes.")
@env_count_option("--threads", "BANK_WEB_THREADS", 4, "Threads per process.")
@env_count_option("--timeout", "BANK_WEB_TIMEOUT", 60, "Seconds before a stuck request is killed.")
def serve_command(bind: str, workers: int, threads: int, timeout: int) -> None:
    """Run the production web server (gunicorn); run `bank worker` beside it."""
    os.environ.setdefault("BANK_LOG_FORMAT", "json")
    BankServer(gunicorn_options(bind, workers, threads, timeout)).run()
