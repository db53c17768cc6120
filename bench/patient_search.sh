#!/usr/bin/env bash
# Benchmark patient_search: prefix search over 100,000 generated patients on SQLite
# and PostgreSQL, through the use case and bare against the store (the baseline).
# Target (issue 3): p99 under 20 ms. BENCH_PATIENTS and BENCH_QUERIES override sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/bench/bench_patient_search
patients=${BENCH_PATIENTS:-100000}
queries=${BENCH_QUERIES:-2000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" --engine sqlite --database "sqlite:$dir/bench.db" --patients "$patients" --queries "$queries"
scripts/with-postgres bash -c "$bin --engine postgresql --database \"\$KETACLINIC_TEST_PG_URL\" \
  --patients $patients --queries $queries"
