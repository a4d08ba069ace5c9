#!/usr/bin/env bash
# Drill: PostgreSQL restarts while accounts are written. Restarts the SHARED cluster 15/main:
# do not run while others are testing against it. Bounded: 200 requests, ~30 s.
source "$(dirname "$0")/drill-lib.sh"
begin_drill
pg_ctlcluster 15 main restart
end_drill "PostgreSQL restart under writes"
