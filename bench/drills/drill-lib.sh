# Shared by the drills: private PostgreSQL and RabbitMQ (private-infra.sh, never the shared ones),
# the packaged service on DRILL_PORT with the demo users, an SMTP sink and a scripted LLM, a
# bounded workload of writes while the fault happens, and a report of what the user saw and what
# was stored, lost or done twice. Requires target/quarkus-app (./mvnw -B -q package -DskipTests),
# curl, psql, root (pg_createcluster, rabbitmq-server). Loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/bench/drills/private-infra.sh"
DB=${DRILL_DB:-closeloop_drill}
PORT=${DRILL_PORT:-18181}
SMTP_PORT=${DRILL_SMTP_PORT:-18126}
LLM_PORT=${DRILL_LLM_PORT:-18190}
MAX_STEPS=${DRILL_MAX_STEPS:-400}       # upper bound of workload steps; it normally stops AFTER_RECOVERY s after recovery
AFTER_RECOVERY=${DRILL_AFTER_RECOVERY:-20}
APP=${CLOSELOOP_BENCH_APP:-$ROOT/target/quarkus-app}   # the packaged service (a copy lets a build run meanwhile)
NAME=$(basename "$0" .sh)
REPORT="$ROOT/bench/reports/drill-$NAME.md"
WORK="$ROOT/target/bench/drill-$NAME"
ADMIN=admin:closeloop-admin
REP=james:closeloop-demo
SERVICE_PID=
HELPER_PIDS=()
mkdir -p "$WORK"

psqlc() { PGPASSWORD=closeloop psql -h localhost -p "$DRILL_PG_PORT" -U closeloop -d "$DB" -At -c "$1"; }

start_service() {
  env $(private_service_env "$DB") CLOSELOOP_DEMO=true CLOSELOOP_HTTP_PORT="$PORT" \
    CLOSELOOP_SESSION_KEY=drill-session-key-0123456789abcdef-0123 \
    CLOSELOOP_SMTP_PORT="$SMTP_PORT" CLOSELOOP_SMTP_STARTTLS=DISABLED \
    CLOSELOOP_LLM_BASE_URL="http://127.0.0.1:$LLM_PORT/v1" CLOSELOOP_LLM_MODEL=drill-model CLOSELOOP_LLM_API_KEY=drill \
    CLOSELOOP_LLM_TIMEOUT="${DRILL_LLM_TIMEOUT:-20s}" CLOSELOOP_LLM_ATTEMPT_TIMEOUT_MS="${DRILL_LLM_ATTEMPT_TIMEOUT_MS:-25000}" \
    CLOSELOOP_CHAT_PER_MINUTE=100000 \
    java -Xmx640m -Dcloseloop.vectorstore.demo.interactions=0 -jar "$APP/quarkus-run.jar" \
    >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local t0=$SECONDS
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && { echo "service ready in $((SECONDS - t0)) s" >&2; return 0; }
    sleep 1
  done
  echo "service did not become ready (see $WORK/service.log)" >&2; return 1
}

stop_all() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  for p in "${HELPER_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT

# curl that prints "<status> <body>" and never fails the script (000 = no answer)
call() { # user:pass method path [json]
  local out
  out=$(curl -s -m 15 -u "$1" -X "$2" -H 'Content-Type: application/json' ${4:+-d "$4"} -w '\n%{http_code}' \
        "http://127.0.0.1:$PORT$3" 2>/dev/null) || true
  local status=${out##*$'\n'}
  [ -z "$status" ] && status=000
  printf '%s %s' "$status" "${out%$'\n'*}"
}

# the workload, one step at a time until $WORK/stop exists (at most MAX_STEPS): an account (admin),
# an interaction for one of james's accounts (james), and every third step an e-mail draft that
# james then approves. One line per request in $WORK/codes: "<operation> <status> [<key>]".
# After a request without an answer it waits a second (the service is down: do not spin).
drive() {
  local i=0 r status body id version
  while [ ! -f "$WORK/stop" ] && [ "$i" -lt "$MAX_STEPS" ]; do
    i=$((i + 1))
    r=$(call "$ADMIN" POST /api/accounts "{\"name\":\"drill-$RUN-$i\"}"); echo "account ${r%% *} drill-$RUN-$i" >> "$WORK/codes"
    r=$(call "$REP" POST /api/interactions "{\"externalId\":\"drill-$RUN-$i\",\"channel\":\"EMAIL\",\"direction\":\"INBOUND\",\"occurredAt\":\"$(date -u +%FT%TZ)\",\"accountId\":$ACCOUNT_ID,\"subject\":\"Drill $i\",\"body\":\"Could you send the renewal quote for 40 seats before Friday?\"}")
    echo "interaction ${r%% *} drill-$RUN-$i" >> "$WORK/codes"
    if [ $((i % 3)) = 0 ]; then
      r=$(call "$REP" POST /api/actions "{\"type\":\"EMAIL\",\"accountId\":$ACCOUNT_ID,\"contactId\":$CONTACT_ID,\"recipients\":[\"$CONTACT_EMAIL\"],\"subject\":\"Drill $RUN $i\",\"body\":\"Hello,\\nthe quote follows.\\nBest regards\",\"agent\":\"drill\",\"route\":\"api\"}")
      status=${r%% *}; body=${r#* }
      echo "draft $status" >> "$WORK/codes"
      if [ "$status" = 201 ]; then
        id=$(sed -E 's/^\{"id":([0-9]+),.*/\1/' <<< "$body"); version=$(grep -oE '"version":[0-9]+\}$' <<< "$body" | grep -oE '[0-9]+')
        r=$(call "$REP" POST "/api/actions/$id/approve" "{\"version\":$version}")
        echo "approve ${r%% *} $id" >> "$WORK/codes"
      fi
    fi
    if [ "${r%% *}" = 000 ]; then sleep 1; else sleep 0.05; fi
  done
}

# begin_drill: private infrastructure, fresh database, SMTP sink and scripted LLM, service up,
# the workload started in the background (the caller then causes the fault)
begin_drill() {
  RUN=$(date +%s)
  : > "$WORK/codes"; : > "$WORK/service.log"; rm -f "$WORK/stop"
  private_infra_up
  private_fresh_db "$DB"
  java "$ROOT/bench/drills/SmtpSink.java" "$SMTP_PORT" "$WORK/smtp-keys.txt" 2> "$WORK/smtp.log" & HELPER_PIDS+=($!)
  echo "${DRILL_LLM_MODE:-ok}" > "$WORK/llm-mode"
  java "$ROOT/bench/drills/FaultyLlm.java" "$LLM_PORT" "$WORK/llm-mode" 2> "$WORK/llm.log" & HELPER_PIDS+=($!)
  start_service
  # one of james's demo accounts with a consenting contact: the target of interactions and drafts
  read -r ACCOUNT_ID CONTACT_ID CONTACT_EMAIL < <(psqlc "select c.account_id, c.id, c.email from contact c join account a on a.id = c.account_id
      join rep r on r.id = a.owner_id where r.username = 'james' and c.email_consent = 'GRANTED' order by c.id limit 1" | tr '|' ' ')
  if [ "${WAIT_FOR_CLASSIFIER:-}" = 1 ]; then # the intent classifier is trained after the first start is ready
    for _ in $(seq 1 300); do grep -q 'intent classifier intent v[0-9]* promoted' "$WORK/service.log" && break; sleep 1; done
  fi
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ "${1:-}" != "no-workload" ]; then
    drive & WRITER=$!
    sleep "${DRILL_FAULT_AFTER:-15}"
  fi
}

# recovered: let the workload run AFTER_RECOVERY more seconds against the recovered system, then stop it
recovered() {
  echo "recovered at $(date -u +%T); workload continues ${AFTER_RECOVERY} s" >&2
  sleep "$AFTER_RECOVERY"; touch "$WORK/stop"
}

# end_drill TITLE [extra markdown file]: stop and wait for the workload, give execution and the
# outbox up to 90 s to finish, write the report
end_drill() {
  local title=$1 extra=${2:-}
  touch "$WORK/stop"
  [ -n "${WRITER:-}" ] && wait "$WRITER"
  local approved; approved=$(awk '$1=="approve" && $2=="200"{print $3}' "$WORK/codes" | paste -sd,)
  for _ in $(seq 1 90); do
    [ "$(psqlc "select count(*) from outbox where published_at is null")" = 0 ] \
      && [ "$(psqlc "select count(*) from action where id = any('{$approved}'::bigint[]) and status not in ('EXECUTED','FAILED')")" = 0 ] && break
    sleep 1
  done
  local accounts interactions acc_ok int_ok
  accounts=$(awk '$1=="account" && $2=="201"{print "'"'"'"$3"'"'"'"}' "$WORK/codes" | paste -sd,)
  interactions=$(awk '$1=="interaction" && ($2=="201"||$2=="200"){print "'"'"'"$3"'"'"'"}' "$WORK/codes" | paste -sd,)
  acc_ok=$(awk '$1=="account" && $2=="201"' "$WORK/codes" | wc -l)
  int_ok=$(awk '$1=="interaction" && ($2=="201"||$2=="200")' "$WORK/codes" | wc -l)
  local acc_stored acc_twice int_stored int_chunks n_approved executed emailed twice pending unpublished
  acc_stored=$(psqlc "select count(*) from account where name in (${accounts:-''})")
  acc_twice=$(psqlc "select count(*) from (select name from account where name like 'drill-$RUN-%' group by name having count(*) > 1) d")
  int_stored=$(psqlc "select count(*) from interaction where external_id in (${interactions:-''})")
  int_chunks=$(psqlc "select count(*) from interaction i where external_id in (${interactions:-''}) and exists (select 1 from interaction_chunk c where c.interaction_id = i.id)")
  n_approved=$(awk '$1=="approve" && $2=="200"' "$WORK/codes" | wc -l)
  executed=$(psqlc "select count(*) from action where id = any('{$approved}'::bigint[]) and status = 'EXECUTED'")
  pending=$(psqlc "select count(*) from action where id = any('{$approved}'::bigint[]) and status not in ('EXECUTED','FAILED')")
  emailed=$(psqlc "select count(*) from action where id = any('{$approved}'::bigint[]) and status = 'EXECUTED' and idempotency_key::text in ($(sort -u "$WORK/smtp-keys.txt" | sed "s/.*/'&'/" | paste -sd, | sed "s/^$/''/"))")
  twice=$(sort "$WORK/smtp-keys.txt" | uniq -d | wc -l)
  unpublished=$(psqlc "select count(*) from outbox where published_at is null")
  {
    echo "# Drill: $title"
    echo
    echo "Run $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB,"
    echo "machine shared with other engineers (load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg))."
    echo "Private PostgreSQL cluster 15/$DRILL_PG_CLUSTER (:$DRILL_PG_PORT) and RabbitMQ node $DRILL_RABBIT_NODE (:$DRILL_RABBIT_PORT);"
    echo "the shared ones were not touched. Command: \`bench/drills/$NAME.sh\`; service: \`$APP\`${DRILL_APP_NOTE:+ ($DRILL_APP_NOTE)}."
    echo
    echo "## What the user saw"
    echo
    echo "| operation | HTTP status | requests |"
    echo "|---|---|---|"
    awk '{print $1, $2}' "$WORK/codes" | sort | uniq -c | awk '{print "| " $2 " | " $3 " | " $1 " |"}'
    echo
    echo "(000 = no HTTP answer within 15 s: connection refused or reset, or timed out.)"
    echo
    if [ -n "$extra" ] && [ -f "$extra" ]; then cat "$extra"; echo; fi
    echo "## Nothing lost, nothing done twice"
    echo
    echo "- accounts accepted (201): $acc_ok; stored: $acc_stored; stored twice: $acc_twice"
    echo "- interactions accepted (201/200): $int_ok; stored: $int_stored; with embedded chunks: $int_chunks"
    echo "- approvals accepted (200): $n_approved; executed: $executed; still pending after 90 s: $pending; e-mails received for executed actions: $emailed; action keys received more than once: $twice"
    echo "- outbox events not yet published after recovery: $unpublished"
    if [ "$acc_ok" -le "$acc_stored" ] && [ "$acc_twice" = 0 ] && [ "$int_ok" -le "$int_stored" ] && [ "$pending" = 0 ] \
       && [ "$executed" = "$emailed" ] && [ "$twice" = 0 ] && [ "$unpublished" = 0 ]; then
      echo "- **verdict: nothing accepted was lost, nothing was done twice**"
    else
      echo "- **verdict: FAILED** (see the counts above; service log: target/bench/drill-$NAME/service.log)"
    fi
  } > "$REPORT"
  cat "$REPORT"
}
