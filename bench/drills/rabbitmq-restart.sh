#!/usr/bin/env bash
# Drill: RabbitMQ stops and starts while accounts are written; the transactional outbox must
# publish every event once the broker is back. Stops the SHARED broker's app for ~10 s.
source "$(dirname "$0")/drill-lib.sh"
begin_drill
rabbitmqctl stop_app >/dev/null; sleep 10; rabbitmqctl start_app >/dev/null
end_drill "RabbitMQ restart under writes"
