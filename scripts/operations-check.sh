#!/usr/bin/env bash
# Follow docs/operations.md step by step on a FRESH database, and check that it works:
# migrate, create an admin, import the catalogue, serve with gunicorn, health check, a
# search, a backup (pg_dump on PostgreSQL, plus a full `bank export offers`), stop.
#
#   BANK_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/fresh_db \
#     bash scripts/operations-check.sh
#
# Optional: PORT (default 5102), WORK (a scratch folder, default a new temporary one),
# BANK_REDIS_URL (otherwise the embedded SQLite queue under WORK/instance).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BANK="$ROOT/.venv/bin/bank"
PY="$ROOT/.venv/bin/python"
PORT="${PORT:-5102}"
WORK="${WORK:-$(mktemp -d)}"
: "${BANK_DATABASE_URL:?set BANK_DATABASE_URL to a fresh, empty database}"
export BANK_DATABASE_URL
export BANK_ENV=production
export BANK_SECRET_KEY="${BANK_SECRET_KEY:-$("$PY" -c 'import secrets; print(secrets.token_hex(32))')}"
export BANK_INDEX_DIR="$WORK/index"
cd "$WORK"
step() { echo "== $*"; }
get() { "$PY" - "$@" <<'EOF'
import json, sys, urllib.error, urllib.request
url, want = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
request = urllib.request.Request(url, headers={"X-Request-ID": "operations-check-1"})
try:
    with urllib.request.urlopen(request, timeout=10) as response:
        body, status, rid = response.read().decode(), response.status, response.headers["X-Request-ID"]
except urllib.error.HTTPError as error:
    body, status, rid = error.read().decode(), error.code, error.headers["X-Request-ID"]
except OSError:
    sys.exit(2)
if status != 200 or rid != "operations-check-1" or want not in body:
    print(f"{url}: status {status}, X-Request-ID {rid!r}, {want!r} in body: {want in body}")
    print(body[:2000])
    sys.exit(1)
print(body[:300] if url.endswith("/healthz") else f"{url}: {status}, {len(body)} bytes")
EOF
}

step "1. migrate the schema"
"$BANK" db upgrade

step "2. create the first admin"
"$BANK" users create --email drift@kommune.example --name "Drift Admin" --role admin \
  --password "operations-check-$RANDOM-password"

step "3. import the catalogue"
"$BANK" import offers "$ROOT/fixtures/offers.jsonl"

step "4. serve with gunicorn (2 processes) on 127.0.0.1:$PORT"
"$BANK" serve --bind "127.0.0.1:$PORT" --workers 2 --threads 2 >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT

step "5. health check (as a load balancer does)"
for _ in $(seq 1 60); do
  if get "http://127.0.0.1:$PORT/healthz" '"status":"ok"' 2>/dev/null; then break; fi
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log"; echo "bank serve stopped"; exit 1; }
  sleep 1
done
get "http://127.0.0.1:$PORT/healthz" '"status":"ok"'

step "6. a search answers, with reasons"
get "http://127.0.0.1:$PORT/tilbud?q=angst" 'Derfor passer tilbuddet'

step "7. backups: a full export (and pg_dump on PostgreSQL)"
"$BANK" export offers "$WORK/offers-backup.jsonl"
lines=$(wc -l <"$WORK/offers-backup.jsonl")
[ "$lines" -eq "$(wc -l <"$ROOT/fixtures/offers.jsonl")" ] || { echo "export has $lines lines"; exit 1; }
case "$BANK_DATABASE_URL" in
  postgresql*)
    pg_dump --format=custom --file="$WORK/bank.dump" "${BANK_DATABASE_URL/+psycopg/}"
    [ -s "$WORK/bank.dump" ] || { echo "pg_dump wrote nothing"; exit 1; }
    ;;
esac

step "8. the request log is JSON with the request id"
grep -q '"request_id": "operations-check-1"' "$WORK/serve.log" || { cat "$WORK/serve.log"; exit 1; }

step "9. stop the server"
kill -TERM "$SERVER"
wait "$SERVER" || true
trap - EXIT
echo "operations check: OK"
