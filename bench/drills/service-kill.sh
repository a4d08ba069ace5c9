#!/usr/bin/env bash
# Drill: the service is killed (SIGKILL) under writes and started again; accepted writes are
# stored exactly once, requests in flight fail visibly (000/connection refused), the outbox
# publishes what was committed before the kill after the restart.
source "$(dirname "$0")/drill-lib.sh"
RUN=$(date +%s)
prepare_db; start_service
CODES=$(mktemp)
drive_writes "$CODES" 200 &
WRITER=$!
sleep 3
kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service
wait $WRITER
for _ in $(seq 1 60); do [ "$(psqlc "select count(*) from outbox where published_at is null")" = 0 ] && break; sleep 1; done
summarise "$CODES" "service killed under writes and restarted"
