"""Run the real `bank` command and `bank serve` (gunicorn) against a database of their own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
BANK = str(Path(sys.executable).parent / "bank")


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def fresh_database(test_url: str, suffix: str, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database beside the test one (dropped afterwards)."""
    if not test_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / f'{suffix}.sqlite3'}"
        return
    url = sa.make_url(test_url)
    name = f"{url.database}_{suffix}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def bank_env(database_url: str, work: Path) -> dict[str, str]:
    """Return the environment for `bank` commands on this database, files under `work`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANK_")}
    env.update(
        BANK_DATABASE_URL=database_url,
        BANK_SECRET_KEY="serve-test-secret",
        BANK_INDEX_DIR=str(work / "index"),
        BANK_WEB_KEEPALIVE="300",  # a test's session stays on the process it first reached
    )
    return env


def run_bank(env: dict[str, str], work: Path, *args: str) -> str:
    """Run one `bank` command; fail the test with its output if it fails."""
    done = subprocess.run(
        [BANK, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"bank {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


@contextmanager
def serving(env: dict[str, str], work: Path, workers: int = 2) -> Iterator[str]:
    """Run `bank serve` with some workers; yield its base URL once /healthz says ok."""
    port = free_port()
    log = open(work / "serve.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [BANK, "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", "1"],
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            assert server.poll() is None, (work / "serve.log").read_text()
            try:
                if requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.5)
        else:
            raise AssertionError("bank serve did not answer /healthz in 120 s")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
