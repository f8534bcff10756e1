"""`bank bench-web`: the catalogue search page under concurrent users, on the configured database.

The app is served by separate processes on free loopback ports, as production runs several
app processes behind a load balancer (DESIGN.md); simulated users, spread over the processes
in turn, send the live-search requests a coordinator's typing sends, a bounded number each,
with no pause between them, and the command reports latency percentiles and errors.
Nothing leaves this machine.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import statistics
import threading
import time

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bank import db

# Searches as coordinators type them: everyday words, a typo, a compound, with and without age.
QUERIES = (
    ("mentor", None), ("mentorodning", 17), ("angst skole", 15), ("fritidsjob", 14),
    ("hash", 19), ("gæld", 24), ("forældre teenager", None), ("efterværn bolig", 19),
    ("ensom", 16), ("praktik", 22), ("lektiehjælp", 13), ("stress", 21),
)


def _serve(database_url: str, secret: str, port_out) -> None:
    import logging

    from werkzeug.serving import make_server

    from bank import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": secret})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port_out.put(server.server_port)
    server.serve_forever()


def _get(port: int, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"HX-Request": "true"})
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return (time.perf_counter() - started) * 1000, status


def _path(query: str, age: int | None) -> str:
    from urllib.parse import urlencode

    params = {"q": query, **({"age": age} if age is not None else {})}
    return "/tilbud?" + urlencode(params)


def run_load(
    ports: list[int], users: int, per_user: int, pause_ms: int = 0
) -> tuple[list[float], int]:
    """Send per_user searches from each of `users` threads at once; return latencies, errors."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(number: int) -> None:
        nonlocal errors
        start.wait()
        for i in range(per_user):
            query, age = QUERIES[(number + i) % len(QUERIES)]
            took, status = _get(ports[number % len(ports)], _path(query, age))
            with lock:
                latencies.append(took)
                errors += status != 200
            time.sleep(pause_ms / 1000)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


@click.command("bench-web")
@click.option("--users", default=20, show_default=True, type=click.IntRange(1, 200))
@click.option("--requests", "per_user", default=25, show_default=True,
              type=click.IntRange(1, 1000), help="Searches each user sends.")
@click.option("--pause", "pause_ms", default=0, show_default=True, type=click.IntRange(0, 10_000),
              help="Milliseconds each user waits between searches (0: worst case).")
@click.option("--processes", default=os.cpu_count() or 1, show_default=True,
              type=click.IntRange(1, 16), help="App processes behind the simulated balancer.")
@with_appcontext
def bench_web_command(users: int, per_user: int, pause_ms: int, processes: int) -> None:
    """Measure the search page's latency with concurrent users (load the demo data first)."""
    from bank.offers.models import Offer

    count = db.session.scalar(sa.select(sa.func.count(Offer.id)))
    if not count:
        raise click.ClickException("the catalogue is empty: run `bank demo --no-serve` first")
    url = current_app.config["DATABASE_URL"]
    spawn = multiprocessing.get_context("spawn")
    queue = spawn.Queue()
    servers = [
        spawn.Process(target=_serve, args=(url, current_app.config["SECRET_KEY"], queue),
                      daemon=True)
        for _ in range(processes)
    ]
    for server in servers:
        server.start()
    try:
        ports = [queue.get(timeout=60) for _ in servers]
        for port in ports:  # warm each process's engine index and connection pool
            for query, age in QUERIES:
                _get(port, _path(query, age))
        began = time.perf_counter()
        latencies, errors = run_load(ports, users, per_user, pause_ms)
        elapsed = time.perf_counter() - began
    finally:
        for server in servers:
            server.terminate()
            server.join(timeout=10)
    cuts = statistics.quantiles(latencies, n=100)
    dialect = sa.make_url(url).get_backend_name()
    click.echo(f"database: {dialect}; offers: {count}; app processes: {processes}; "
               f"users: {users}; pause: {pause_ms} ms; requests: {len(latencies)}")
    click.echo(f"p50 {cuts[49]:.1f} ms  p95 {cuts[94]:.1f} ms  max {max(latencies):.1f} ms  "
               f"errors {errors}  throughput {len(latencies) / elapsed:.0f} req/s")
