#!/usr/bin/env bash
# Benchmark: routing latency (embed + classify + policy) p50/p95 for a 20-word message, and throughput.
# Usage: bench/router.sh [rounds] [messages per round]   (defaults 5, 200). Report: bench/reports/router.md
# Reads the serving intent classifier from CLOSELOOP_BENCH_DB (default closeloop_bench); when that
# database has none yet, builds the service and runs `classifier retrain` against it once.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${CLOSELOOP_BENCH_DB:-closeloop_bench}"
CLOSELOOP_DBS="$DB" deploy/local/infra.sh up >&2
export CLOSELOOP_BENCH_DB_URL="${CLOSELOOP_BENCH_DB_URL:-jdbc:postgresql://localhost:5432/${DB}}"
./mvnw -B -q compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
has_model="$(PGPASSWORD="${CLOSELOOP_DB_PASSWORD:-closeloop}" psql -h localhost -U "${CLOSELOOP_DB_USER:-closeloop}" -d "$DB" -tAc \
  "select count(*) from intent_champion where model_name = 'intent'" 2>/dev/null || echo 0)"
if [ "${has_model:-0}" != "1" ]; then
  echo "[bench] no serving intent classifier in $DB: training one (classifier retrain)" >&2
  ./mvnw -B -q package -DskipTests
  QUARKUS_DATASOURCE_JDBC_URL="$CLOSELOOP_BENCH_DB_URL" java -Dquarkus.http.host-enabled=false -Dquarkus.log.console.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar classifier retrain
fi
exec java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/RouterBench.java "$@"
