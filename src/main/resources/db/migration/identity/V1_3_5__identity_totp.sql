-- TOTP second factor (RFC 6238), one row per enrolled account. The secret is stored as
-- base32 text as the authenticator app has it; last_step is the replay guard: a code of a
-- step at or before it is never accepted again.
CREATE TABLE user_totp (
  user_id     BIGINT PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
  secret      TEXT NOT NULL,
  last_step   BIGINT NOT NULL,
  enrolled_at TIMESTAMPTZ NOT NULL
);
