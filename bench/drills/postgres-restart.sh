#!/usr/bin/env bash
# Drill: PostgreSQL restarts while accounts are written. Restarts the SHARED cluster 15/main:
# do not run while others are testing against it. Bounded: 200 requests, ~30 s.
source "$(dirname "$0")/drill-lib.sh"
RUN=$(date +%s)
prepare_db; start_service
CODES=$(mktemp)
drive_writes "$CODES" 200 &
WRITER=$!
sleep 3
pg_ctlcluster 15 main restart
wait $WRITER
sleep 5   # let the outbox relay catch up
summarise "$CODES" "PostgreSQL restart under writes"
