#!/usr/bin/env bash
# Drill: the LLM server answers, then fails (HTTP 500), then hangs (accepts and never answers),
# then recovers, while a rep asks for e-mail drafts in chat (the LLM path) and the CRM workload
# runs. Reports per phase what the user saw (status, answer mode, notices, time) and the llm_call
# rows. The LLM timeout is lowered to 5 s for the drill (CLOSELOOP_LLM_TIMEOUT). Scripted server:
# bench/drills/FaultyLlm.java. Bounded: 4 phases x DRILL_CHATS (default 6) chats, each at most 60 s; the CRM workload runs meanwhile.
# Report: bench/reports/drill-llm-fault.md
export DRILL_LLM_TIMEOUT=5s DRILL_LLM_ATTEMPT_TIMEOUT_MS=6000 DRILL_FAULT_AFTER=1
source "$(dirname "$0")/drill-lib.sh"
CHATS=${DRILL_CHATS:-6}
rm -f "$WORK/phase-done"
begin_drill
# warm-up, not reported: the first chat loads the embedding model and the intent classifier
curl -s -o /dev/null -m 240 -u "$REP" -H 'Content-Type: application/json' \
  -d "{\"message\":\"write an email to this account about the renewal quote\",\"accountId\":$ACCOUNT_ID,\"contactId\":$CONTACT_ID}" \
  "http://127.0.0.1:$PORT/api/chat" || true
PHASES="$WORK/phases.md"
{
  echo "## The chat on the LLM path, phase by phase"
  echo
  echo "| phase (LLM server) | chat | HTTP status | answer mode | notices | time (s) |"
  echo "|---|---|---|---|---|---|"
} > "$PHASES"
for phase in ok fail hang ok; do
  if [ "$phase" = hang ] || { [ "$phase" = ok ] && [ -s "$WORK/phase-done" ]; }; then
    # the shared circuit breaker (LlmInvoker: 10 calls, 50 % failures, 30 s open) may be open from
    # the previous phase: wait until it lets calls through again, or the next phase tests nothing
    sleep "${DRILL_BREAKER_WAIT:-35}"
  fi
  echo "$phase" >> "$WORK/phase-done"
  echo "$phase" > "$WORK/llm-mode"
  for i in $(seq 1 "$CHATS"); do
    t0=$(date +%s.%N)
    r=$(curl -s -m 60 -u "$REP" -H 'Content-Type: application/json' -w '\n%{http_code}' \
      -d "{\"message\":\"write an email to this account about the renewal quote\",\"accountId\":$ACCOUNT_ID,\"contactId\":$CONTACT_ID}" \
      "http://127.0.0.1:$PORT/api/chat" 2>/dev/null || true)
    t1=$(date +%s.%N)
    status=${r##*$'\n'}; body=${r%$'\n'*}
    mode=$(grep -oE '"badge":\{"mode":"[A-Z_]+"' <<< "$body" | sed -E 's/.*"([A-Z_]+)"$/\1/' || true)
    notices=$(grep -oE '"notices":\[[^]]*\]' <<< "$body" | sed -E 's/"notices":\[(.*)\]/\1/; s/\|/\//g' | cut -c1-160 || true)
    echo "chat-$phase ${status:-000}" >> "$WORK/codes"
    printf '| %s | %d | %s | %s | %s | %.1f |\n' "$phase" "$i" "${status:-000}" "${mode:--}" "${notices:--}" "$(echo "$t1 - $t0" | bc)" >> "$PHASES"
  done
done
{
  echo
  echo "llm_call rows (one per call the service made, the warm-up included): $(psqlc "select coalesce(string_agg(outcome || ' ' || n, ', '), 'none') from (select outcome, count(*) n from llm_call group by 1 order by 1) s");"
  echo "errors recorded: $(psqlc "select coalesce(string_agg(distinct left(error, 100), ' | '), 'none') from llm_call where outcome = 'ERROR'")."
  echo "Requests the scripted server received: see \`target/bench/drill-llm-fault/llm.log\` (printed when it stops)."
} >> "$PHASES"
end_drill "LLM server failing and hanging" "$PHASES"
