#!/usr/bin/env bash
# Install the bank with its test tools and run every test (SQLite by default;
# set BANK_TEST_DATABASE_URL=postgresql+psycopg://... to run them on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
