-- kernel/ratelimit (issue 9): per-user token buckets shared by every replica, in the layout of
-- Bucket4j's PostgreSQL proxy manager (bucket4j_jdk17-postgresql, select-for-update variant):
-- one row per (limit, user), the bucket's serialized state, and when a full bucket may be dropped.
-- Kernel range V0_x: the table belongs to no domain folder and references nothing.
create table rate_limit_bucket (
    id          text primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
