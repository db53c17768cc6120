#!/usr/bin/env bash
# Benchmark http_auth: the cost of authentication on the request path.
# Measures, in one run and on each engine, wrk against
#   GET /healthz                (baseline: no session, no store)
#   GET /api/v1/auth/me         (Bearer token: session and user looked up in the store)
# and prints requests/s and p99 latency for both, with the ratio to the baseline.
# Target (foundation issue): the authenticated route reaches at least half the
# bare route's rate.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/ketaclinic
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}

run_engine() {  # engine database-url
  local engine=$1 database=$2 out log port token
  out=$(mktemp); log=$(mktemp)
  KETACLINIC_IO_THREADS=1 KETACLINIC_STORE_THREADS=4 \
    "$bin" serve --database "$database" --listen 127.0.0.1:0 --demo >"$out" 2>"$log" &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 100); do grep -q "listening on" "$out" && break; sleep 0.1; done
  port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$out" | sed 's/.*://')
  token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"admin@demo.test","password":"demo-clinic-2026","token_delivery":"bearer"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/healthz" >/dev/null  # warm-up
  local bare auth
  bare=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz")
  auth=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/auth/me")
  echo "$bare" | sed 's/^/  healthz: /' >&2
  echo "$auth" | sed 's/^/  auth_me: /' >&2
  python3 bench/wrk_report.py http_auth "$engine" healthz "$bare" auth_me "$auth"
  kill -TERM $pid; wait $pid || true
  rm -f "$out" "$log"
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run_engine sqlite "sqlite:$dir/bench.db"
scripts/with-postgres bash -c "$(declare -f run_engine); bin=$bin duration=$duration connections=$connections; \
  run_engine postgresql \"\$KETACLINIC_TEST_PG_URL\""
