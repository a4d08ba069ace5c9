# Shared by the drills: start the packaged service on a port, drive writes, count outcomes.
# Requires: ./mvnw -B -q package -DskipTests (target/quarkus-app), PostgreSQL and RabbitMQ from
# deploy/local, curl, psql. Every drill is bounded in time and requests and uses loopback only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${DRILL_DB:-closeloop_drill}
PORT=${DRILL_PORT:-18181}
USER_NAME=admin            # the demo admin (CLOSELOOP_DEMO=true)
PASS=closeloop-admin
REPORT="$ROOT/bench/reports/drill-$(basename "$0" .sh).md"
SERVICE_PID=

psqlc() { PGPASSWORD=closeloop psql -h localhost -U closeloop -d "$DB" -At -c "$1"; }

prepare_db() {
  PGPASSWORD=closeloop psql -h localhost -U closeloop -d postgres -c "drop database if exists $DB" -c "create database $DB" >/dev/null
  PGPASSWORD=closeloop psql -h localhost -U closeloop -d "$DB" -c "create extension if not exists vector" >/dev/null 2>&1 || true
}

start_service() {
  CLOSELOOP_DEMO=true CLOSELOOP_DB_URL=jdbc:postgresql://localhost:5432/$DB CLOSELOOP_HTTP_PORT=$PORT \
    java -Xmx512m -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "/tmp/drill-service-$PORT.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "service did not become ready" >&2; return 1
}

stop_service() { [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true; }
trap stop_service EXIT


# write N accounts, one per request; prints one status code per line into $1
drive_writes() {
  local out=$1 n=$2
  for i in $(seq 1 "$n"); do
    curl -s -o /dev/null -w '%{http_code}\n' -m 10 -u "$USER_NAME:$PASS" -H 'Content-Type: application/json' \
      -d "{\"name\":\"drill-$RUN-$i\"}" "http://127.0.0.1:$PORT/api/accounts" >> "$out" || echo 000 >> "$out"
    sleep 0.05
  done
}

summarise() {
  local codes=$1 title=$2
  local accepted stored dup unpublished
  accepted=$(grep -c '^201$' "$codes" || true)
  stored=$(psqlc "select count(*) from account where name like 'drill-$RUN-%'")
  dup=$(psqlc "select count(*) from (select name from account where name like 'drill-$RUN-%' group by name having count(*)>1) d")
  unpublished=$(psqlc "select count(*) from outbox where published_at is null")
  {
    echo "# Drill: $title"
    echo
    echo "Run $(date -u +%FT%TZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB."
    echo
    echo "| what the user saw (HTTP status) | requests |"
    echo "|---|---|"
    sort "$codes" | uniq -c | awk '{print "| " $2 " | " $1 " |"}'
    echo
    echo "- accepted (201): $accepted; stored: $stored; stored twice: $dup"
    echo "- outbox events not yet published after recovery: $unpublished"
    if [ "$accepted" -le "$stored" ] && [ "$dup" -eq 0 ] && [ "$unpublished" -eq 0 ]; then
      echo "- verdict: nothing accepted was lost, nothing was done twice"
    else
      echo "- verdict: FAILED (see counts)"
    fi
  } > "$REPORT"
  cat "$REPORT"
}

# begin_drill: fresh database, service up, 200 writes started in the background (then cause the fault)
begin_drill() {
  RUN=$(date +%s)
  prepare_db; start_service
  CODES=$(mktemp)
  drive_writes "$CODES" 200 &
  WRITER=$!
  sleep 3
}

# end_drill TITLE: wait for the writes, give the outbox up to 60 s to drain, write the report
end_drill() {
  wait "$WRITER"
  for _ in $(seq 1 60); do [ "$(psqlc "select count(*) from outbox where published_at is null")" = 0 ] && break; sleep 1; done
  summarise "$CODES" "$1"
}
