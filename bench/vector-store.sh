#!/usr/bin/env bash
# Vector store benchmark: embedding models (latency, throughput, retrieval quality), end-to-end
# ingestion vs raw embedding, and pgvector HNSW search (p50/p95/p99, recall@10 vs exact) at
# 100k and 1M chunks, unfiltered and filtered by one account. Writes bench/reports/vector-store.md.
#
#   bench/vector-store.sh [sizes]        sizes default to 100000,1000000 (e.g. 100000 for a quick run)
#
# Runs in its own databases (CLOSELOOP_BENCH_DB, default closeloop_bench_vstore, and <that>_app) so tests are not
# disturbed. The search tables (vs_chunk_<size>), their HNSW index and the exact neighbours of the queries are
# built once (1M: ~35 min on 2 busy cores) and reused automatically while the generator is unchanged (the
# table's comment records it); a re-run should then take ~8 minutes on a quiet 2-core machine (estimate).
# CLOSELOOP_BENCH_PARTS="models ingestion search" chooses the parts; a part not run keeps its last report.
# CLOSELOOP_BENCH_INTERACTIONS (default 2000) sets the interactions per ingestion round (7 timed rounds of each);
# CLOSELOOP_BENCH_WARM_UP (default 36000) the untimed interactions through raw and pipeline before them. The
# ingestion part starts from an empty store (its database is dropped and migrated again) so runs compare; set
# CLOSELOOP_BENCH_KEEP_STORE=1 (or CLOSELOOP_SKIP_INFRA, which cannot create it again) to measure on top of what
# earlier runs stored. Ingestion alone: ~7 min quiet.
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
PARTS="${CLOSELOOP_BENCH_PARTS:-models ingestion search}"
COUNT="${CLOSELOOP_BENCH_INTERACTIONS:-2000}"
mkdir -p "$REPORTS"

if [[ " $PARTS " == *" ingestion "* ]] && [ -z "${CLOSELOOP_BENCH_KEEP_STORE:-}" ] && [ -z "${CLOSELOOP_SKIP_INFRA:-}" ]; then
  # An empty store for every run: HNSW inserts cost more in a bigger graph (PostgreSQL 0.80 ms of CPU per interaction
  # on top of 274,000 chunks, 0.55 on an emptied store), so runs on a store that grew from run to run do not compare.
  PGPASSWORD="$PASS" psql -q -h localhost -p "${CLOSELOOP_PG_PORT:-5432}" -U "$USER_" -d postgres \
    -c "drop database if exists \"${DB}_app\"" 2>/dev/null || echo "[bench] could not drop ${DB}_app: measuring on the store as it is"
fi
if [ -z "${CLOSELOOP_SKIP_INFRA:-}" ]; then
  CLOSELOOP_DBS="$DB ${DB}_app" CLOSELOOP_RABBIT_VHOSTS="$VHOST" deploy/local/infra.sh up
fi
# Build when there is no jar, when asked, or when a source or resource is newer than the jar (a stale jar would
# measure old code).
JAR=target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "${CLOSELOOP_BENCH_REBUILD:-}" ] || \
   [ -n "$(find . -path ./target -prune -o -path '*/src/main/*' -type f -newer "$JAR" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi

# 1. Embedding models and ingestion, inside the application (the real pipeline) against the bench database.
APP_PARTS=""
for p in models ingestion; do [[ " $PARTS " == *" $p "* ]] && APP_PARTS="$APP_PARTS $p"; done
if [ -n "$APP_PARTS" ]; then
  CLOSELOOP_DB_URL="$APP_URL" CLOSELOOP_RABBIT_VHOST="$VHOST" CLOSELOOP_HTTP_PORT=0 CLOSELOOP_DEMO=false \
    java -Xmx2g -Dcloseloop.bench.warm-up-interactions="${CLOSELOOP_BENCH_WARM_UP:-36000}" -Dcloseloop.vectorstore.identity.retry-every=off -jar target/quarkus-app/quarkus-run.jar vector-store-bench "$REPORTS" "$COUNT" $APP_PARTS
fi

# 2. Search: a plain JDBC program over synthetic vectors.
if [[ " $PARTS " == *" search "* ]]; then
  java -Xmx5g -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.closeloop.vectorstore.bench.SearchBenchmark \
    "$URL" "$USER_" "$PASS" "$REPORTS/vector-store-search.part.md" "$SIZES"
fi

{
  echo "# Vector store benchmark"
  echo
  echo "Assembled $(date -u +%Y-%m-%dT%H:%MZ) by \`bench/vector-store.sh $SIZES\` (parts: $PARTS) from the part files in bench/reports (each part says when it ran)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM,"
  echo "$(psql --version | head -1), pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" /usr/share/postgresql/15/extension/vector.control 2>/dev/null),"
  echo "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)."
  echo
  cat "$REPORTS/vector-store-notes.md" 2>/dev/null || true   # hand-written reading of the figures (kept across runs)
  echo
  cat "$REPORTS/vector-store-models.part.md" 2>/dev/null || true
  echo
  cat "$REPORTS/vector-store-ingestion.part.md" 2>/dev/null || true
  echo
  echo "## Search (pgvector HNSW, cosine)"
  cat "$REPORTS/vector-store-search.part.md" 2>/dev/null || true
} > "$REPORTS/vector-store.md"
echo "Report: $REPORTS/vector-store.md"
