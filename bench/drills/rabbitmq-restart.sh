#!/usr/bin/env bash
# Drill: RabbitMQ (the PRIVATE node drill@localhost, :5679, never the shared broker) stops for
# ~15 s and starts again while the workload writes; the transactional outbox must publish every
# event once the broker is back. Bounded: the workload runs from 15 s before the fault to 20 s after recovery (at most 400 steps). Report: bench/reports/drill-rabbitmq-restart.md
source "$(dirname "$0")/drill-lib.sh"
begin_drill
private_rabbitmqctl stop_app >/dev/null
sleep 15
private_rabbitmqctl start_app >/dev/null
recovered
end_drill "RabbitMQ restart under writes"
