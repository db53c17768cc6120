#!/usr/bin/env bash
# Benchmark dashboards: the clinic dashboard (GET /api/v1/dashboards/outcomes,
# OutcomeService::dashboard) over a generated network of 200 clinics, 100,000
# patients, 1,000,000 dosed sessions and about 3,000,000 questionnaire responses, on
# SQLite and on a throwaway PostgreSQL; the baselines, in the same run, are a bare
# COUNT(*) of the clinic's sessions and of its responses. Target (issue 7): p99 under
# 200 ms. Method and figures: docs/performance.md.
# BENCH_CLINICS (200), BENCH_PATIENTS_PER_CLINIC (500), BENCH_SESSIONS_PER_PATIENT (10),
# BENCH_RESPONSES_PER_PATIENT (33), BENCH_SAMPLE (50 clinics timed), BENCH_REPEATS (2)
# and BENCH_SEED (7) change the run; BENCH_ENGINES="sqlite" (or "postgresql") runs one
# engine; BENCH_BIN runs another build of bench_dashboards (to compare before and after
# a change on the same data). The database lives in a temporary folder (about 2 GB on
# SQLite), removed afterwards. About 6 to 9 minutes for both engines.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_BIN:-build/release/bench/bench_dashboards}
args="--clinics ${BENCH_CLINICS:-200} --patients-per-clinic ${BENCH_PATIENTS_PER_CLINIC:-500}"
args="$args --sessions-per-patient ${BENCH_SESSIONS_PER_PATIENT:-10} --responses-per-patient ${BENCH_RESPONSES_PER_PATIENT:-33}"
args="$args --sample ${BENCH_SAMPLE:-50} --repeats ${BENCH_REPEATS:-2} --seed ${BENCH_SEED:-7}"
engines=${BENCH_ENGINES:-sqlite postgresql}
dir=$(mktemp -d /tmp/kc-bench-dashboards.XXXXXX)
trap 'rm -rf "$dir"' EXIT
# shellcheck disable=SC2086 # args holds words without spaces
[[ " $engines " != *" sqlite "* ]] || "$bin" --engine sqlite --database "sqlite:$dir/bench.db" $args
[[ " $engines " != *" postgresql "* ]] || scripts/with-postgres bash -c "$bin --engine postgresql --database \"\$KETACLINIC_TEST_PG_URL\" $args"
