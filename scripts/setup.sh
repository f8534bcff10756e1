#!/usr/bin/env bash
# Install what the bank needs into .venv (and, as root, Chromium and WeasyPrint's libraries).
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
missing=()
[ -x /usr/bin/chromium ] || [ "$extra" != "test" ] || missing+=(chromium)
command -v redis-server >/dev/null || [ "$extra" != "test" ] || missing+=(redis-server)
command -v npm >/dev/null || [ "$extra" != "test" ] || missing+=(npm)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || missing+=(libharfbuzz-subset0)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install with your package manager: ${missing[*]}" >&2
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$extra" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  # axe-core for the browser tests' accessibility checks, pinned in tests/e2e/package-lock.json.
  npm ci --prefix tests/e2e --no-audit --no-fund --silent
else
  .venv/bin/python -m pip install -q -e .
fi
