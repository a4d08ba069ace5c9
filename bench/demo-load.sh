#!/usr/bin/env bash
# Benchmark: generating and loading the demo book of business (crm/demo) into PostgreSQL.
# Usage: bench/demo-load.sh [runs]   (default 7). Report: bench/reports/demo-load.md
# Uses its own scratch database (CLOSELOOP_BENCH_DB, default closeloop_bench), cleaned for every run.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${CLOSELOOP_BENCH_DB:-closeloop_bench}"
CLOSELOOP_DBS="$DB" deploy/local/infra.sh up >&2
./mvnw -B -q compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
export CLOSELOOP_BENCH_DB_URL="${CLOSELOOP_BENCH_DB_URL:-jdbc:postgresql://localhost:5432/${DB}}"
exec java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/DemoLoadBench.java "$@"
