-- Each tenant's latest filed and latest taxed month, so that the exit scan reads one row per
-- tenant instead of probing an 18-million-row filing table (national set). Statement-level
-- triggers keep it whoever writes the filings (the import, demo data, the benchmark's
-- generator): new rows can only move a month forward; a deleted or changed row that may
-- have been a tenant's latest makes that tenant's months be looked up again.
CREATE TABLE tenant_filing_summary (
  tenant_id  BIGINT PRIMARY KEY,
  last_filed DATE,
  last_taxed DATE
);

INSERT INTO tenant_filing_summary (tenant_id, last_filed, last_taxed)
SELECT tenant_id, max(period) FILTER (WHERE filed), max(period) FILTER (WHERE filed AND tax_paid_cny > 0)
FROM tenant_tax_filing GROUP BY tenant_id;

CREATE FUNCTION tenant_filing_summary_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tenant_filing_summary AS s (tenant_id, last_filed, last_taxed)
  SELECT tenant_id, max(period) FILTER (WHERE filed), max(period) FILTER (WHERE filed AND tax_paid_cny > 0)
  FROM new_rows GROUP BY tenant_id
  ON CONFLICT (tenant_id) DO UPDATE
    SET last_filed = GREATEST(s.last_filed, EXCLUDED.last_filed),
        last_taxed = GREATEST(s.last_taxed, EXCLUDED.last_taxed);
  RETURN NULL;
END $$;

CREATE FUNCTION tenant_filing_summary_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tenant_filing_summary s
    SET last_filed = (SELECT max(f.period) FROM tenant_tax_filing f WHERE f.tenant_id = s.tenant_id AND f.filed),
        last_taxed = (SELECT max(f.period) FROM tenant_tax_filing f
                      WHERE f.tenant_id = s.tenant_id AND f.filed AND f.tax_paid_cny > 0)
  WHERE s.tenant_id IN (SELECT o.tenant_id FROM old_rows o);
  IF TG_OP = 'UPDATE' THEN
    -- a changed row may have become a later filed or taxed month
    INSERT INTO tenant_filing_summary AS s (tenant_id, last_filed, last_taxed)
    SELECT tenant_id, max(period) FILTER (WHERE filed), max(period) FILTER (WHERE filed AND tax_paid_cny > 0)
    FROM new_rows GROUP BY tenant_id
    ON CONFLICT (tenant_id) DO UPDATE
      SET last_filed = GREATEST(s.last_filed, EXCLUDED.last_filed),
          last_taxed = GREATEST(s.last_taxed, EXCLUDED.last_taxed);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION tenant_filing_summary_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE tenant_filing_summary;
  RETURN NULL;
END $$;

CREATE TRIGGER tenant_tax_filing_added AFTER INSERT ON tenant_tax_filing
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_filing_summary_added();
CREATE TRIGGER tenant_tax_filing_removed AFTER DELETE ON tenant_tax_filing
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tenant_filing_summary_removed();
CREATE TRIGGER tenant_tax_filing_changed AFTER UPDATE ON tenant_tax_filing
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION tenant_filing_summary_removed();
CREATE TRIGGER tenant_tax_filing_emptied AFTER TRUNCATE ON tenant_tax_filing
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_filing_summary_emptied();
