-- Rate-limit buckets (Bucket4j's PostgreSQL backend, SELECT … FOR UPDATE): one row per limited key
-- (sign-in per account and per address, objections per address, public API per address), shared
-- by every node. expires_at (epoch milliseconds) lets a scheduled job remove buckets that are full again.
CREATE TABLE rate_limit_bucket (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
