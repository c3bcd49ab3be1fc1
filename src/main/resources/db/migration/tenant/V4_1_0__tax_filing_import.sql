-- Tax-filing imports: one row per upload (who, when, which file, how far, how it ended) and the
-- rows it refused. The filings themselves go to tenant_tax_filing in one transaction; this row is
-- updated outside that transaction (progress every few thousand rows) so the page can show it.
CREATE TABLE tax_filing_import (
  id            BIGSERIAL PRIMARY KEY,
  user_id       BIGINT NOT NULL,
  username      TEXT NOT NULL,
  -- an operator imports for its organisation; a bureau for the tenants of its region
  operator_id   BIGINT REFERENCES operator_organisation (id),
  region_code   CHAR(6) NOT NULL REFERENCES region (code),
  file_name     TEXT NOT NULL,
  file_format   TEXT NOT NULL CHECK (file_format IN ('CSV', 'XLSX')),
  file_bytes    BIGINT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
  rows_read     INT NOT NULL DEFAULT 0,
  progress      SMALLINT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  rows_written  INT,
  tenants       INT,
  months        TEXT,
  error_count   INT NOT NULL DEFAULT 0,
  message       TEXT,
  -- which node runs it and when it last said so: a job whose node died is marked FAILED
  node          TEXT,
  heartbeat_at  TIMESTAMPTZ,
  created_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ
);
CREATE INDEX tax_filing_import_operator_idx ON tax_filing_import (operator_id, created_at DESC);
CREATE INDEX tax_filing_import_region_idx ON tax_filing_import (region_code, created_at DESC);
CREATE INDEX tax_filing_import_open_idx ON tax_filing_import (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE tax_filing_import_error (
  import_id   BIGINT NOT NULL REFERENCES tax_filing_import (id),
  seq         INT NOT NULL,
  line        INT NOT NULL,
  column_name TEXT NOT NULL,
  value       TEXT,
  reason      TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
);
