"""Request ids, structured JSON logs and proxy headers, for running behind a load balancer.

- Every request gets an id: the caller's X-Request-ID when it is a sane token, else a new
  one; it is sent back in X-Request-ID and stamped on every log line of the request.
- With BANK_LOG_FORMAT=json (the default under `bank serve`) each log line is one JSON
  object; one line per request says method, path (never the query string, which may hold
  a search about a young person), status and duration, and nothing about the user.
- With BANK_PROXY_COUNT=N the app trusts N proxies' X-Forwarded-For/-Proto/-Host/-Prefix.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, Response, g, has_request_context, request
from werkzeug.middleware.proxy_fix import ProxyFix

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
request_log = logging.getLogger("bank.request")


def request_id() -> str | None:
    """Return the current request's id (None outside a request)."""
    return g.get("request_id") if has_request_context() else None


class JsonFormatter(logging.Formatter):
    """Format a log record as one JSON object: time, level, logger, message, request id."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON line."""
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or request_id()
        if rid:
            line["request_id"] = rid
        for key in ("method", "path", "status", "ms", "pid"):
            if hasattr(record, key):
                line[key] = getattr(record, key)
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure_json_logging(level: int = logging.INFO) -> None:
    """Send every logger's lines to stderr as JSON (replaces the root logger's handlers)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def init_app(app: Flask) -> None:
    """Install request ids, the request log line and (when configured) ProxyFix."""
    proxies = int(os.environ.get("BANK_PROXY_COUNT") or app.config.get("PROXY_COUNT") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
    if os.environ.get("BANK_LOG_FORMAT") == "json" and not app.testing:
        configure_json_logging()

    @app.before_request
    def _start() -> None:
        given = request.headers.get(HEADER, "")
        g.request_id = given if _SANE_ID.match(given) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        response.headers[HEADER] = g.get("request_id", "")
        started = g.get("request_started")
        if started is not None:
            ms = round((time.perf_counter() - started) * 1000, 1)
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": g.get("request_id"),
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "ms": ms,
                },
            )
        return response
