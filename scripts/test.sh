#!/usr/bin/env bash
# Install the bank with its test tools and run every test (SQLite by default;
# set BANK_TEST_DATABASE_URL=postgresql+psycopg://... to run them on PostgreSQL).
# Two pytest-xdist workers, one test file each at a time (BANK_TEST_WORKERS=0 runs in one
# process); on PostgreSQL each worker gets a database of its own beside the one named.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest -n "${BANK_TEST_WORKERS:-2}" --dist loadfile "$@"
