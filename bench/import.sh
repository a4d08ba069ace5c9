#!/usr/bin/env bash
# Benchmark: CSV import over HTTP (POST /api/import/accounts|contacts|deals) against the packaged
# service, first import and idempotent re-import. Usage: bench/import.sh [runs] [rows]
# (defaults 3 and 1000). Report: bench/reports/import.md. Uses its own database
# (CLOSELOOP_BENCH_IMPORT_DB, default closeloop_bench_import), emptied before every run, and port 18080.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${CLOSELOOP_BENCH_IMPORT_DB:-closeloop_bench_import}"
PORT="${CLOSELOOP_BENCH_PORT:-18080}"
CLOSELOOP_DBS="$DB" CLOSELOOP_RABBIT_VHOSTS=closeloop deploy/local/infra.sh up >&2
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
export CLOSELOOP_BENCH_DB_URL="jdbc:postgresql://localhost:5432/${DB}" CLOSELOOP_BENCH_URL="http://localhost:${PORT}"
CLOSELOOP_DB_URL="$CLOSELOOP_BENCH_DB_URL" CLOSELOOP_HTTP_PORT="$PORT" \
  java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > target/bench-import-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:${PORT}/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { echo "service did not start, see target/bench-import-service.log" >&2; exit 1; }
  sleep 1
done
java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/ImportBench.java "$@"
