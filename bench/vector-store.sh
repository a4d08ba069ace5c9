#!/usr/bin/env bash
# Vector store benchmark: embedding models (latency, throughput, retrieval quality), end-to-end
# ingestion vs raw embedding, and pgvector HNSW search (p50/p95/p99, recall@10 vs exact) at
# 100k and 1M chunks, unfiltered and filtered by one account. Writes bench/reports/vector-store.md.
#
#   bench/vector-store.sh [sizes]        sizes default to 100000,1000000 (e.g. 100000 for a quick run)
#
# Runs in its own databases (CLOSELOOP_BENCH_DB, default closeloop_bench_vstore, and <that>_app) so tests are not
# disturbed; the 1M table and its index are kept and reused by later runs (same seed, same rows).
# CLOSELOOP_BENCH_PARTS="embedding search" chooses the parts; a part not run keeps its last report.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${1:-100000,1000000}"
DB="${CLOSELOOP_BENCH_DB:-closeloop_bench_vstore}"
VHOST="${CLOSELOOP_BENCH_VHOST:-closeloop_bench_vstore}"
URL="jdbc:postgresql://localhost:${CLOSELOOP_PG_PORT:-5432}/${DB}"
APP_URL="${URL}_app" # the application's schema (Flyway) apart from the search benchmark's tables
USER_="${CLOSELOOP_DB_USER:-closeloop}"
PASS="${CLOSELOOP_DB_PASSWORD:-closeloop}"
REPORTS=bench/reports
PARTS="${CLOSELOOP_BENCH_PARTS:-embedding search}"
mkdir -p "$REPORTS"

if [ -z "${CLOSELOOP_SKIP_INFRA:-}" ]; then
  CLOSELOOP_DBS="$DB ${DB}_app" CLOSELOOP_RABBIT_VHOSTS="$VHOST" deploy/local/infra.sh up
fi
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${CLOSELOOP_BENCH_REBUILD:-}" ] || ./mvnw -B -q package -DskipTests

# 1. Embedding and ingestion, inside the application (the real pipeline) against the bench database.
if [[ " $PARTS " == *" embedding "* ]]; then
  CLOSELOOP_DB_URL="$APP_URL" CLOSELOOP_RABBIT_VHOST="$VHOST" CLOSELOOP_HTTP_PORT=0 CLOSELOOP_DEMO=false \
    java -Xmx2g -jar target/quarkus-app/quarkus-run.jar vector-store-bench "$REPORTS/vector-store-embedding.part.md" 500
fi

# 2. Search: a plain JDBC program over synthetic vectors.
if [[ " $PARTS " == *" search "* ]]; then
  java -Xmx4g -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.closeloop.vectorstore.bench.SearchBenchmark \
    "$URL" "$USER_" "$PASS" "$REPORTS/vector-store-search.part.md" "$SIZES"
fi

{
  echo "# Vector store benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/vector-store.sh $SIZES\`."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "$(psql --version | head -1), pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" /usr/share/postgresql/15/extension/vector.control 2>/dev/null),"
  echo "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)."
  echo
  cat "$REPORTS/vector-store-embedding.part.md"
  echo
  echo "## Search (pgvector HNSW, cosine)"
  echo
  echo "Latency is measured by the client over JDBC (one connection, prepared statement), after a warm-up round."
  cat "$REPORTS/vector-store-search.part.md"
} > "$REPORTS/vector-store.md"
echo "Report: $REPORTS/vector-store.md"
