#!/usr/bin/env bash
# Benchmark vitals_ingest: bedside monitors posting vital signs during sessions.
# On each engine: a demo server (default threads: one I/O thread per core, two store
# threads; SQLite with its default synchronous=FULL), then bench/vitals_ingest.mjs:
# BENCH_SESSIONS (500) open sessions, each posting a batch of
# BENCH_READINGS_PER_BATCH (1) readings every second through a device-gateway
# account, BENCH_WARMUP_SECONDS (5) then BENCH_SECONDS (30) measured, with one
# WebSocket on /api/v1/live receiving the vitals.recorded events. The baseline,
# bench_vitals_insert, inserts the same kind of rows straight into the same database
# twice: after the set-up (server idle) and after the server stopped. The load generator runs on the same machine as
# the server (and PostgreSQL). Target (issue 6): p99 post-to-event under 100 ms, no
# errors. Method and figures: docs/performance.md.
# For experiments: BENCH_SERVER_CONFIG=file.toml passes --config to the server (e.g.
# [database] sqlite_synchronous = "NORMAL"; the baseline then uses the same setting),
# and the server reads KETACLINIC_STORE_THREADS and KETACLINIC_IO_THREADS as usual.
# BENCH_ENGINES="sqlite" (or "postgresql") runs one engine. BENCH_SERVER_BIN runs
# another server binary (e.g. a build of an earlier commit, to compare in one sitting;
# it must use the same schema as this checkout's baseline tool). scripts/with-postgres
# starts PostgreSQL with fsync=off and synchronous_commit=off (a throwaway cluster),
# so the PostgreSQL figures include no durable flush.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_SERVER_BIN:-build/release/ketaclinic}
baseline_bin=build/release/bench/bench_vitals_insert
baseline_seconds=${BENCH_BASELINE_SECONDS:-2}
config=${BENCH_SERVER_CONFIG:-}
synchronous=FULL
if [ -n "$config" ]; then
  config=$(realpath "$config")
  synchronous=$(sed -n 's/^ *sqlite_synchronous *= *"\(.*\)".*/\1/p' "$config" | tail -n 1)
  synchronous=${synchronous:-FULL}
fi

run_engine() {  # engine database-url
  local engine=$1 database=$2 work port pid db_pid=""
  work=$(mktemp -d)
  "$bin" serve ${config:+--config "$config"} --database "$database" --listen 127.0.0.1:0 --demo >"$work/out" 2>"$work/log" &
  pid=$!
  for _ in $(seq 100); do grep -q "listening on" "$work/out" 2>/dev/null && break; sleep 0.1; done
  port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/out" | sed 's/.*://')
  [ -n "$port" ] || { echo "vitals_ingest: the server did not start" >&2; cat "$work/log" >&2; kill "$pid" 2>/dev/null; return 1; }
  if [ "$engine" = postgresql ]; then  # the postmaster, to count its backends' CPU
    local pg_port=${database##*:}; pg_port=${pg_port%%/*}
    db_pid=$(ss -ltnpH "sport = :$pg_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)
  fi
  echo "vitals_ingest[$engine]: server pid $pid on port $port${db_pid:+, postgres pid $db_pid}" >&2
  local status=0 baseline_args
  baseline_args="--engine $engine --database $database --seconds $baseline_seconds --sqlite-synchronous $synchronous"
  baseline_args="$baseline_args --readings-per-batch ${BENCH_READINGS_PER_BATCH:-1}"
  node bench/vitals_ingest.mjs load --url "http://127.0.0.1:$port" --server-pid "$pid" ${db_pid:+--db-pid "$db_pid"} \
    --out "$work/results.json" --baseline-before "$baseline_bin $baseline_args" --baseline-out "$work/before.jsonl" ||
    status=$?
  kill -TERM "$pid"; wait "$pid" || true
  if grep -q 'Z \(warning\|error\|critical\) ' "$work/log"; then
    echo "vitals_ingest[$engine]: server warnings and errors ($(grep -c 'Z \(warning\|error\|critical\) ' "$work/log"), first 5):" >&2
    grep 'Z \(warning\|error\|critical\) ' "$work/log" | head -n 5 >&2 || true
  fi
  if [ "$status" -eq 0 ]; then
    # shellcheck disable=SC2086 # baseline_args holds words without spaces
    "$baseline_bin" $baseline_args >"$work/after.jsonl"
    node bench/vitals_ingest.mjs report --engine "$engine" --results "$work/results.json" \
      --baseline "$work/before.jsonl,$work/after.jsonl"
  fi
  rm -rf "$work"
  return "$status"
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
engines=${BENCH_ENGINES:-sqlite postgresql}
[[ " $engines " != *" sqlite "* ]] || run_engine sqlite "sqlite:$dir/bench.db"
[[ " $engines " != *" postgresql "* ]] || scripts/with-postgres bash -c "$(declare -f run_engine); bin=$bin baseline_bin=$baseline_bin \
  baseline_seconds=$baseline_seconds config='$config' synchronous=$synchronous; run_engine postgresql \"\$KETACLINIC_TEST_PG_URL\""
