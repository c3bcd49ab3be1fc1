-- Idempotency-Key on the POST APIs (issue 13 finding 10): the first answer to a key is kept and replayed
-- for the same request; the same key with another body is refused (422), one still in progress answers 409.
-- Keys belong to the caller (login name, or the address for an anonymous caller) and expire after a day.
CREATE TABLE idempotency_key (
  owner        TEXT NOT NULL,
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
  status       INT,
  content_type TEXT,
  body         BYTEA,
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
