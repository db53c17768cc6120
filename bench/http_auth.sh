#!/usr/bin/env bash
# Benchmark http_auth: the cost of authentication on the request path.
# Measures, in one run and on each engine, wrk against
#   GET /healthz                (baseline: no session, no store)
#   GET /api/v1/auth/me         (Bearer token: session and user looked up in the store)
# alternately for BENCH_ROUNDS rounds (the machine is shared and noisy), and prints
# the medians of requests/s and p99 latency, with the ratio to the baseline.
# The server runs with one I/O thread and its default store threads, as configured
# for a clinic; wrk uses two threads and BENCH_CONNECTIONS connections.
# Target (foundation issue): the authenticated route reaches at least half the
# bare route's rate.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/ketaclinic
duration=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-64}

run_engine() {  # engine database-url
  local engine=$1 database=$2 out log port token
  out=$(mktemp); log=$(mktemp)
  KETACLINIC_IO_THREADS=1 \
    "$bin" serve --database "$database" --listen 127.0.0.1:0 --demo >"$out" 2>"$log" &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 100); do grep -q "listening on" "$out" && break; sleep 0.1; done
  port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$out" | sed 's/.*://')
  token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"admin@demo.test","password":"demo-clinic-2026","token_delivery":"bearer"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/healthz" >/dev/null  # warm-up
  local results round
  results=$(mktemp -d)
  for round in $(seq "$rounds"); do
    wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz" >"$results/base-$round.txt"
    wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/api/v1/auth/me" >"$results/subject-$round.txt"
    echo "  $engine round $round: healthz $(grep Requests/sec "$results/base-$round.txt"), auth_me $(grep Requests/sec "$results/subject-$round.txt")" >&2
  done
  python3 bench/wrk_report.py http_auth "$engine" healthz auth_me "$results"
  rm -rf "$results"
  kill -TERM $pid; wait $pid || true
  rm -f "$out" "$log"
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run_engine sqlite "sqlite:$dir/bench.db"
scripts/with-postgres bash -c "$(declare -f run_engine); bin=$bin duration=$duration rounds=$rounds connections=$connections; \
  run_engine postgresql \"\$KETACLINIC_TEST_PG_URL\""
