#!/usr/bin/env bash
# Data-driven quality evaluation of the embedding classifier on real data (slow: minutes to tens
# of minutes on 2 cores): trains each case of bench/classifier/quality-cases.csv, evaluates it on
# its test file, checks its thresholds (exit 1 when one fails) and writes the JSON reports to
# bench/reports/classifier/. Needs the database up (deploy/local/infra.sh up) and a packaged app
# (./mvnw package -DskipTests).
#
#   bench/classifier-quality.sh [--only CASE] [--data-dir DIR]
#   CLOSELOOP_EMBEDDING_MODEL=all-minilm-l6-v2-q bench/classifier-quality.sh   # the other embedding model
#   CLOSELOOP_QUALITY_CASES=bench/classifier/trainer-comparison.csv bench/classifier-quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="${CLOSELOOP_DATA_DIR:-../shared/data}"
export CLOSELOOP_HTTP_PORT="${CLOSELOOP_HTTP_PORT:-0}"
CASES="${CLOSELOOP_QUALITY_CASES:-bench/classifier/quality-cases.csv}"
exec java ${CLOSELOOP_JAVA_OPTS:--Xmx3g} -jar target/quarkus-app/quarkus-run.jar classifier quality \
  --cases "$CASES" --data-dir "$DATA_DIR" --json-dir bench/reports/classifier "$@"
