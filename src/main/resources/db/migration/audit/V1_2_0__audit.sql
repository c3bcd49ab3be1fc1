-- The audit trail. Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE for every
-- database role, including the application's own, so not even an administrator can rewrite history.
-- Each row carries the SM3 hash of its content chained to the previous row's hash (verifiable).
CREATE TABLE audit_event (
  id          BIGSERIAL PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor       TEXT NOT NULL,
  actor_role  TEXT,
  ip          TEXT,
  action      TEXT NOT NULL,
  object_type TEXT,
  object_id   TEXT,
  result      TEXT NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE', 'DENIED')),
  detail      TEXT,
  region_code CHAR(6),
  prev_hash   CHAR(64) NOT NULL,
  hash        CHAR(64) NOT NULL
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at DESC);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
