"""Import an offers.jsonl file in-process and report wall time, the client's CPU time and the
PostgreSQL backend's CPU time (read from /proc, so the server must run on this machine).

On a shared machine the wall time depends on the load; the two CPU times do not, and their
sum is about what the import takes on an otherwise idle machine.

    BANK_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/DB \\
      .venv/bin/python scripts/import_cpu.py /tmp/offers-100k.jsonl
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from bank import create_app, db
from bank.offers.interchange import import_offers


def backend_cpu(pid: int) -> float:
    """Return the CPU seconds (user + system) a local process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(path: Path) -> None:
    """Import the file, commit, and print the times."""
    app = create_app()
    with app.app_context():
        pid = db.session.execute(sa.text("select pg_backend_pid()")).scalar()
        backend, client, wall = backend_cpu(pid), time.process_time(), time.perf_counter()
        with path.open("rb") as stream:
            report = import_offers(db.session, stream, path.name)
        db.session.commit()
        backend = backend_cpu(pid) - backend
        client, wall = time.process_time() - client, time.perf_counter() - wall
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items())
        print(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged; "
            f"wall {wall:.1f} s ({stages}); client CPU {client:.1f} s; PostgreSQL backend CPU "
            f"{backend:.1f} s; load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
