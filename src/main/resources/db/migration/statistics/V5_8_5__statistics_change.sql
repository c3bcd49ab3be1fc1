-- A change counter for the statistics overview: every transaction that writes a title, an
-- institution, a tenant or a tenant's yearly figures adds one when it commits (a deferred trigger, so the counter row is
-- locked only for the moment of the commit). Each node keeps overviews it computed under the
-- counter value it read in the same snapshot as the figures; a write on any node, or by hand
-- in SQL, makes every node's kept overviews stale at once.
CREATE TABLE statistics_change (
  id INT PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO statistics_change VALUES (1, 0);

CREATE FUNCTION statistics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- once per transaction: a COPY of many rows queues one event per row
  IF current_setting('zhongchuang.statistics_changed', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE statistics_change SET n = n + 1 WHERE id = 1;
    PERFORM set_config('zhongchuang.statistics_changed', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER recognition_statistics_changed AFTER INSERT OR UPDATE OR DELETE ON recognition
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_changed();
CREATE CONSTRAINT TRIGGER institution_statistics_changed AFTER INSERT OR UPDATE OR DELETE ON institution
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_changed();
CREATE CONSTRAINT TRIGGER tenant_statistics_changed AFTER INSERT OR UPDATE OR DELETE ON tenant
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_changed();
-- the bureau's 黑马 marks (tenant_figure.mark) are counted by Chaoyang's DARK_HORSE_ENTERPRISES target
CREATE CONSTRAINT TRIGGER tenant_figure_statistics_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_figure
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_changed();
CREATE TRIGGER recognition_statistics_truncated AFTER TRUNCATE ON recognition
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed();
CREATE TRIGGER institution_statistics_truncated AFTER TRUNCATE ON institution
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed();
CREATE TRIGGER tenant_statistics_truncated AFTER TRUNCATE ON tenant
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed();
CREATE TRIGGER tenant_figure_statistics_truncated AFTER TRUNCATE ON tenant_figure
  FOR EACH STATEMENT EXECUTE FUNCTION statistics_changed();
