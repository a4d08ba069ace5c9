#!/usr/bin/env bash
# Benchmark: event -> detect -> draft -> queue latency of the action loop (actions/).
# Usage: bench/actions.sh [rounds] [events-per-round]   (default 5 x 40). Report: bench/reports/actions.md
# Runs the packaged service as the command `actions-bench` against its own database and vhost
# (CLOSELOOP_BENCH_DB / CLOSELOOP_BENCH_VHOST, default closeloop_bench_actions), which it creates.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${CLOSELOOP_BENCH_DB:-closeloop_bench_actions}"
VHOST="${CLOSELOOP_BENCH_VHOST:-closeloop_bench_actions}"
CLOSELOOP_DBS="$DB" CLOSELOOP_RABBIT_VHOSTS="$VHOST" deploy/local/infra.sh up >&2
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find actions src crm vector-store -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
export CLOSELOOP_DB_URL="jdbc:postgresql://localhost:5432/${DB}" CLOSELOOP_RABBIT_VHOST="$VHOST"
exec java ${JAVA_OPTS:-} -Dquarkus.http.host-enabled=false -Dquarkus.log.console.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar actions-bench "${1:-5}" "${2:-40}" bench/reports/actions.md
