#!/usr/bin/env bash
# Install the bank, migrate the SQLite database under instance/, load the demo data and serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/bank demo "$@"
