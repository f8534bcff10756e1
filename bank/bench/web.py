"""`bank bench-web`: the catalogue search page under concurrent users, against `bank serve`.

The command saves the catalogue's engine index (as the worker does), starts `bank serve`
(gunicorn) on a free loopback port with the configured database, and measures:
- the first search after the (re)start, and how long the server took to answer /healthz;
- simulated users sending the live-search requests a coordinator's typing sends, a bounded
  number each: `--users` without pause (or `--pause`), and `--typing-users` at typing pace;
  each search on a new connection, so the web processes share the load as they do behind a
  load balancer (`--keep-alive`: each user keeps one connection, which stays with one process);
- the web processes' CPU time per search (replaced workers included);
- the memory of each web process (RssAnon: its own; RssFile: mapped files, the index shared
  through the page cache) beside a process that created the app but holds no index.
Nothing leaves this machine; the server is stopped at the end.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bank import db
from bank.offers.models import Offer
from bank.ranking import save_current_index

# Searches as coordinators type them: everyday words, a typo, a compound, with and without age.
QUERIES = (
    ("mentor", None),
    ("mentorodning", 17),
    ("angst skole", 15),
    ("fritidsjob", 14),
    ("hash", 19),
    ("gæld", 24),
    ("forældre teenager", None),
    ("efterværn bolig", 19),
    ("ensom", 16),
    ("praktik", 22),
    ("lektiehjælp", 13),
    ("stress", 21),
)
NO_INDEX = """
import json
from bank import create_app
import bank.matching, sklearn, scipy.sparse  # everything a web process imports
app = create_app()
fields = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in open("/proc/self/status")
          if line.startswith(("RssAnon", "RssFile"))}
print(json.dumps(fields))
"""


_connections = threading.local()  # one kept-alive connection per simulated user, as a browser


def _get(port: int, path: str, keep: bool = False) -> tuple[float, int]:
    """Send one GET; with `keep`, over this thread's kept-alive connection (opened once)."""
    started = time.perf_counter()
    connection = getattr(_connections, "open", None) if keep else None
    if connection is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"HX-Request": "true"})
        response = connection.getresponse()
        response.read()
        status = response.status
        _connections.open = connection if keep and not response.will_close else None
    except (OSError, http.client.HTTPException):
        status = 0
        _connections.open = None
    finally:
        if getattr(_connections, "open", None) is not connection:
            connection.close()
    return (time.perf_counter() - started) * 1000, status


def _path(query: str, age: int | None) -> str:
    params = {"q": query, **({"age": age} if age is not None else {})}
    return "/tilbud?" + urlencode(params)


def searches() -> list[tuple[str, int | None]]:
    """Return every distinct search the load sends: the words alone, in pairs and in threes,
    without an age and with each age 13-30 (5,662 searches, none sent twice in a run).

    Distinct searches keep the engine's memory of recent searches out of the measurement: a
    bench that cycles through a dozen searches measures that memory, not the search.
    """
    words = [query for query, _ in QUERIES]
    texts = [" ".join(combo) for n in (1, 2, 3) for combo in itertools.combinations(words, n)]
    return [(text, age) for age in (None, *range(13, 31)) for text in texts]


def run_load(
    port: int, users: int, per_user: int, pause_ms: int = 0, first: int = 0, keep: bool = False
) -> tuple[list[float], int]:
    """Send per_user searches from each of `users` threads at once; return latencies, errors.

    Each request is a different search, taken from `searches()` from position `first` on;
    each user opens a new connection for every search, or keeps one open (`keep`).
    """
    pool = searches()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(number: int) -> None:
        nonlocal errors
        start.wait()
        for i in range(per_user):
            query, age = pool[(first + number * per_user + i) % len(pool)]
            took, status = _get(port, _path(query, age), keep=keep)
            with lock:
                latencies.append(took)
                errors += status != 200
            time.sleep(pause_ms / 1000)
        kept = getattr(_connections, "open", None)
        if kept is not None:
            kept.close()
            _connections.open = None

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def memory_mib(pid: int | str = "self") -> dict[str, float]:
    """Return a process's RssAnon and RssFile in MiB (Linux /proc)."""
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        return {
            line.split(":")[0]: int(line.split()[1]) / 1024
            for line in status
            if line.startswith(("RssAnon", "RssFile"))
        }


def server_cpu_seconds(master: int) -> float:
    """Return the CPU time of a server and all its workers, replaced ones included.

    gunicorn replaces a worker after its 1,000th request or so; the master's counters of
    reaped children keep what the replaced workers used.
    """
    own, reaped = _cpu_ticks(master)
    alive = 0
    for pid in _children(master):
        try:
            alive += _cpu_ticks(pid)[0]
        except FileNotFoundError:  # replaced between the listing and the reading
            continue
    return (own + reaped + alive) / os.sysconf("SC_CLK_TCK")


def _cpu_ticks(pid: int) -> tuple[int, int]:
    """Return a process's own CPU ticks and those of its reaped children (/proc/pid/stat)."""
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="utf-8") as children:
        return [int(p) for p in children.read().split()]


def _environment() -> dict[str, str]:
    config = current_app.config
    env = dict(os.environ)
    env.update(
        BANK_DATABASE_URL=config["DATABASE_URL"],
        BANK_SECRET_KEY=config["SECRET_KEY"],
        BANK_INDEX_DIR=str(config["INDEX_DIR"]),
        BANK_LOG_FORMAT="json",
    )
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(
    env: dict[str, str], processes: int, threads: int, log: Path
) -> tuple[subprocess.Popen, int, float]:
    port = _free_port()
    bank = str(Path(sys.executable).parent / "bank")
    began = time.perf_counter()
    with log.open("w") as output:  # the child keeps its own copy of the file descriptor
        server = subprocess.Popen(
            [
                bank,
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(processes),
                "--threads",
                str(threads),
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    for _ in range(600):
        if server.poll() is not None:
            raise click.ClickException(f"bank serve stopped: {log.read_text()[-2000:]}")
        if _get(port, "/healthz")[1] == 200 and len(_children(server.pid)) == processes:
            return server, port, time.perf_counter() - began
        time.sleep(0.5)
    server.terminate()
    raise click.ClickException("bank serve did not answer /healthz within 300 s")


def _line(label: str, latencies: list[float], errors: int, elapsed: float) -> str:
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return (
        f"{label}: requests {len(latencies)}; p50 {cuts[49]:.1f} ms  p95 {cuts[94]:.1f} ms"
        f"  max {max(latencies):.1f} ms  errors {errors}"
        f"  throughput {len(latencies) / elapsed:.0f} req/s"
    )


@click.command("bench-web")
@click.option(
    "--users",
    default=20,
    show_default=True,
    type=click.IntRange(1, 200),
    help="Users searching at once, without pause (or with --pause).",
)
@click.option(
    "--requests",
    "per_user",
    default=25,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Searches each user sends.",
)
@click.option(
    "--pause",
    "pause_ms",
    default=0,
    show_default=True,
    type=click.IntRange(0, 10_000),
    help="Milliseconds each of --users waits between searches (0: worst case).",
)
@click.option(
    "--typing-users",
    default=0,
    show_default=True,
    type=click.IntRange(0, 200),
    help="Then this many users at typing pace (the issue's acceptance uses 50).",
)
@click.option(
    "--typing-pause",
    default=400,
    show_default=True,
    type=click.IntRange(0, 10_000),
    help="Milliseconds between a typing user's searches.",
)
@click.option(
    "--processes",
    default=2,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Web processes (gunicorn workers) of `bank serve`.",
)
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Threads per web process.",
)
@click.option(
    "--keep-alive",
    "keep_alive",
    is_flag=True,
    help="Each user keeps one connection open (it stays with one web process) instead of"
    " a new connection per search.",
)
@with_appcontext
def bench_web_command(
    users: int,
    per_user: int,
    pause_ms: int,
    typing_users: int,
    typing_pause: int,
    processes: int,
    threads: int,
    keep_alive: bool,
) -> None:
    """Measure the search page against `bank serve` with concurrent users (load data first)."""
    count = db.session.scalar(sa.select(sa.func.count(Offer.id)))
    if not count:
        raise click.ClickException("the catalogue is empty: run `bank demo --no-serve` first")
    dialect = sa.make_url(current_app.config["DATABASE_URL"]).get_backend_name()
    began = time.perf_counter()
    save_current_index(db.session)  # as the worker does when the catalogue version moves
    saved_s = time.perf_counter() - began
    db.session.remove()
    env = _environment()
    baseline = json.loads(
        subprocess.run(
            [sys.executable, "-c", NO_INDEX], env=env, check=True, capture_output=True, text=True
        ).stdout
    )
    click.echo(
        f"database: {dialect}; offers: {count}; app processes: {processes} x {threads}"
        f" threads; {'connections kept open' if keep_alive else 'a new connection per search'};"
        f" load average {os.getloadavg()[0]:.1f}"
    )
    click.echo(f"index saved (worker) in {saved_s:.1f} s")
    with tempfile.TemporaryDirectory(prefix="bank-bench-web-") as scratch:
        server, port, ready = _start(env, processes, threads, Path(scratch) / "serve.log")
        try:
            first_ms, status = _get(port, _path(*QUERIES[2]))
            click.echo(
                f"restart: /healthz after {ready:.1f} s; first search {first_ms:.0f} ms"
                f" (status {status})"
            )
            for query, age in QUERIES:  # warm each process's connection pool
                _get(port, _path(query, age))
            scenarios = [(f"users: {users}; pause: {pause_ms} ms", users, pause_ms)]
            if typing_users:
                scenarios.append(
                    (
                        f"users: {typing_users}; pause: {typing_pause} ms (typing)",
                        typing_users,
                        typing_pause,
                    )
                )
            sent = 0
            for label, n, pause in scenarios:
                started, cpu = time.perf_counter(), server_cpu_seconds(server.pid)
                latencies, errors = run_load(port, n, per_user, pause, sent, keep_alive)
                sent += n * per_user
                cpu_ms = (server_cpu_seconds(server.pid) - cpu) * 1000 / len(latencies)
                click.echo(
                    _line(label, latencies, errors, time.perf_counter() - started)
                    + f"  web CPU {cpu_ms:.1f} ms per search"
                )
            for pid in _children(server.pid):
                used = memory_mib(pid)
                click.echo(
                    f"web process {pid}: own {used['RssAnon']:.0f} MiB"
                    f" ({used['RssAnon'] - baseline['RssAnon']:+.0f} MiB beside a process"
                    f" with no index, {baseline['RssAnon']:.0f} MiB); mapped files"
                    f" {used['RssFile']:.0f} MiB (shared)"
                )
        finally:
            server.terminate()
            server.wait(timeout=60)
    click.echo(f"load average after: {os.getloadavg()[0]:.1f}")
