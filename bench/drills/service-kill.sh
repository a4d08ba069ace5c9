#!/usr/bin/env bash
# Drill: the service is killed (SIGKILL) under writes and started again: accepted writes are stored
# exactly once, requests in flight fail visibly (000), approved e-mails are sent once (the
# execution receipt, keyed by the action's idempotency key, survives the kill), and the outbox
# publishes after the restart what was committed before the kill. Bounded: the workload runs from 15 s before the fault to 20 s after recovery (at most 400 steps).
# Report: bench/reports/drill-service-kill.md
source "$(dirname "$0")/drill-lib.sh"
begin_drill
kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service
recovered
end_drill "service killed under writes and restarted"
