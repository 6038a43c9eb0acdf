-- gateway: the rate-limit buckets, shared by every gateway instance (RateLimiter, Bucket4j's PostgreSQL
-- integration with SELECT ... FOR UPDATE). Columns as Bucket4j reads and writes them.
create table rate_limit_bucket (
    id         text primary key,   -- e.g. "user 300/PT1M client:sis-client service-account-sis-client"
    state      bytea,              -- Bucket4j's serialized bucket (null for a moment while it is created)
    expires_at bigint              -- epoch millis on the gateway's clock: from then on the bucket is full again
);
-- the cleanup (RateLimitBuckets.removeExpired) looks for expired rows
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
