-- A change counter for the public pages kept per node (web.PublicPageCache): every transaction
-- that writes a title, a notice (items, objections) or a policy pack version adds one when it
-- commits, as statistics_change does for the statistics overview. A node serves a kept page
-- only under the counter value it reads for the request, so a write on any node is shown at once.
CREATE TABLE public_change (
  id INT PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO public_change VALUES (1, 0);

CREATE FUNCTION public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('zhongchuang.public_changed', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE public_change SET n = n + 1 WHERE id = 1;
    PERFORM set_config('zhongchuang.public_changed', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['recognition', 'notice', 'notice_item', 'notice_objection', 'policy_pack_version'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                   ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_changed()',
                   t || '_public_changed', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION public_changed()',
                   t || '_public_truncated', t);
  END LOOP;
END
$$;
