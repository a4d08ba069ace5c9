#!/usr/bin/env bash
# Drill: RabbitMQ stops and starts while accounts are written; the transactional outbox must
# publish every event once the broker is back. Stops the SHARED broker's app for ~10 s.
source "$(dirname "$0")/drill-lib.sh"
RUN=$(date +%s)
prepare_db; start_service
CODES=$(mktemp)
drive_writes "$CODES" 200 &
WRITER=$!
sleep 3
rabbitmqctl stop_app >/dev/null; sleep 10; rabbitmqctl start_app >/dev/null
wait $WRITER
for _ in $(seq 1 60); do [ "$(psqlc "select count(*) from outbox where published_at is null")" = 0 ] && break; sleep 1; done
summarise "$CODES" "RabbitMQ restart under writes"
