-- 在孵企业 and their monthly tax filings. The tenant module owns these tables; the
-- operator module's interim roster (operator_tenant) is taken over by a later migration.

CREATE TABLE tenant (
  id               BIGSERIAL PRIMARY KEY,
  operator_id      BIGINT NOT NULL REFERENCES operator_organisation (id),
  -- the operator's region, copied so region-scoped lists need no join
  region_code      CHAR(6) NOT NULL REFERENCES region (code),
  name             TEXT NOT NULL,
  credit_code      CHAR(18) NOT NULL,
  admitted_on      DATE NOT NULL,
  agreement_signed BOOLEAN NOT NULL,
  agreement_date   DATE,
  in_focus_segment BOOLEAN NOT NULL,
  chain_stage      TEXT NOT NULL DEFAULT 'INCUBATOR' CHECK (chain_stage IN ('NURSERY', 'INCUBATOR', 'ACCELERATOR', 'PARK')),
  status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'GRADUATED', 'EXITED')),
  left_on          DATE,
  exit_reason      TEXT,
  created_at       TIMESTAMPTZ NOT NULL,
  version          INT NOT NULL DEFAULT 0,
  CHECK (NOT agreement_signed OR agreement_date IS NOT NULL),
  CHECK ((status = 'ACTIVE') = (left_on IS NULL))
);
CREATE UNIQUE INDEX tenant_operator_credit_code_uq ON tenant (operator_id, credit_code);
-- imports match rows by credit code alone
CREATE INDEX tenant_credit_code_idx ON tenant (credit_code);
CREATE INDEX tenant_region_status_idx ON tenant (region_code, status);

-- Moves along the incubation chain (苗圃 → 孵化器 → 加速器 → 产业园); the current stage is on tenant.
CREATE TABLE tenant_chain_move (
  id          BIGSERIAL PRIMARY KEY,
  tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
  from_stage  TEXT,
  to_stage    TEXT NOT NULL,
  moved_on    DATE NOT NULL,
  note        TEXT,
  recorded_by BIGINT,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tenant_chain_move_tenant_idx ON tenant_chain_move (tenant_id, moved_on);

-- One row per tenant and month (period = the first day of the month). No foreign key to
-- tenant: rows arrive only through the import, which joins on tenant before it writes, and
-- a per-row key check would halve the COPY rate on 18 million rows.
CREATE TABLE tenant_tax_filing (
  tenant_id    BIGINT NOT NULL,
  period       DATE NOT NULL CHECK (EXTRACT(DAY FROM period) = 1),
  filed        BOOLEAN NOT NULL,
  tax_paid_cny NUMERIC(14, 2) CHECK (tax_paid_cny >= 0),
  import_id    BIGINT,
  PRIMARY KEY (tenant_id, period)
);
-- the exit scan asks for the latest filed / taxed month per tenant: one backward index probe each
CREATE INDEX tenant_tax_filing_filed_idx ON tenant_tax_filing (tenant_id, period) WHERE filed;
CREATE INDEX tenant_tax_filing_taxed_idx ON tenant_tax_filing (tenant_id, period) WHERE filed AND tax_paid_cny > 0;
