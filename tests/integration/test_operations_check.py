"""docs/operations.md works as written: scripts/operations-check.sh follows it on a fresh
database (migrate, create an admin, import, serve with gunicorn, health check, backup)."""

from __future__ import annotations

import os
import subprocess

from tests.integration.serve_support import ROOT, free_port, fresh_database


def test_the_operations_guide_runs_from_a_fresh_database_to_a_healthy_server(
    database_url, tmp_path
):
    with fresh_database(database_url, "ops", tmp_path) as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BANK_")}
        env.update(BANK_DATABASE_URL=url, PORT=str(free_port()), WORK=str(tmp_path))
        done = subprocess.run(
            ["bash", str(ROOT / "scripts" / "operations-check.sh")],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert done.stdout.strip().endswith("operations check: OK")
    assert '"status":"ok"' in done.stdout
