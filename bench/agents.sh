#!/usr/bin/env bash
# Benchmark: the service's own overhead on the LLM path (everything except the LLM server's time):
# grounding (embed + hybrid search), PII redaction, the LangChain4j AI service, the LLM budget, the
# HTTP call to a local OpenAI-compatible server that answers at once (bench/ScriptedLlm.java),
# parsing, the llm_call row, the guardrail check and restoring placeholders, with the time of every
# span inside the answer and the SQL per request (pg_stat_statements, when installed). Target: p95 <= 30 ms.
# Usage: bench/agents.sh [rounds] [requests] [warm-up]   (default 5 x 200 after 3,000). Report: bench/reports/agents.md
# The warm-up measures a service that has reached its steady state: after 1,000 requests the C2 compiler still took
# ~27% of a core during the measured rounds and the rounds' p95 still fell from round to round (33.8 -> 29.3 ms);
# after 3,000 the answering thread's CPU per request is ~4.7 ms instead of ~7 ms (quiet machine, 22 Nov 16:5x).
# `bench/agents.sh 5 200 1000` gives the figures of a service a few minutes after its start.
# The bench rep's LLM token budget is lifted (4,000 calls x 1,020 tokens exceed the default 200,000/h).
# CLOSELOOP_BENCH_SKIP_PACKAGE=1 reuses target/quarkus-app as it is. CLOSELOOP_BENCH_JAVA_OPTS adds JVM options
# (e.g. a JFR recording); the service's GC log is always written to target/bench/agents-gc.log.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${CLOSELOOP_BENCH_DB:-closeloop_bench_agents}"
PORT="${CLOSELOOP_BENCH_LLM_PORT:-18089}"
ROUNDS="${1:-5}"; REQUESTS="${2:-200}"; WARMUP="${3:-3000}"
CLOSELOOP_DBS="$DB" deploy/local/infra.sh up >&2
[ "${CLOSELOOP_BENCH_SKIP_PACKAGE:-}" = 1 ] || ./mvnw -B -q package -DskipTests >&2
mkdir -p target/bench bench/reports
TIMES=target/bench/scripted-llm-micros.txt; RAW=target/bench/agents-raw.txt
java bench/ScriptedLlm.java "$PORT" "$TIMES" & LLM_PID=$!
trap 'kill $LLM_PID 2>/dev/null || true' EXIT
sleep 2
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
CLOSELOOP_DB_URL="jdbc:postgresql://localhost:5432/${DB}" CLOSELOOP_HTTP_PORT=0 \
CLOSELOOP_LLM_BASE_URL="http://127.0.0.1:${PORT}/v1" CLOSELOOP_LLM_MODEL=bench-model CLOSELOOP_LLM_API_KEY=bench \
CLOSELOOP_LLM_TOKENS_PER_HOUR=1000000000 \
  java -Xmx1g -Xlog:gc:file=target/bench/agents-gc.log::filecount=0 ${CLOSELOOP_BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar agents-bench "$ROUNDS" "$REQUESTS" "$WARMUP" > target/bench/agents-app.log 2>&1 \
  || { echo "agents-bench failed; see target/bench/agents-app.log" >&2; exit 1; }
grep '^round \|^step \|^sql\|^process ' target/bench/agents-app.log > "$RAW"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
kill $LLM_PID; wait $LLM_PID 2>/dev/null || true; trap - EXIT
{ java bench/AgentsReport.java "$RAW" "$TIMES" "$ROUNDS" "$REQUESTS" target/bench/agents-gc.log "$WARMUP"
  echo; echo "Load average (1/5/15 min) before the run: ${LOAD_BEFORE}; after: ${LOAD_AFTER} (2 cores)."; } > bench/reports/agents.md
cat bench/reports/agents.md
