#!/usr/bin/env bash
# Drill: PostgreSQL restarts (fast shutdown: connections cut, ~5 s down) while the workload writes
# accounts, interactions and approvals. Restarts only the PRIVATE cluster 15/drill (:5439), never
# the shared one. Bounded: the workload runs from 15 s before the fault to 20 s after recovery (at most 400 steps). Report: bench/reports/drill-postgres-restart.md
source "$(dirname "$0")/drill-lib.sh"
begin_drill
pg_ctlcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" stop -m fast
sleep 5
pg_ctlcluster "$DRILL_PG_VERSION" "$DRILL_PG_CLUSTER" start
recovered
end_drill "PostgreSQL restart under writes"
