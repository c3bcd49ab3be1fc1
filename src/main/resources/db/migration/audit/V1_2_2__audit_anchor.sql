-- Anchors of the audit chain: the head (last row's id and chain value) taken periodically and on an
-- auditor's request, each with its own HMAC-SM3 under the audit key. An auditor exports them and
-- later checks that the trail up to each still holds (nothing rewritten, nothing cut off).
-- Append-only like audit_event; the application's role gets INSERT and SELECT only.
CREATE TABLE audit_anchor (
  id          BIGSERIAL PRIMARY KEY,
  created_at  TIMESTAMPTZ NOT NULL,
  event_id    BIGINT NOT NULL,
  event_hash  CHAR(64) NOT NULL,
  mac         CHAR(64) NOT NULL
);

CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
