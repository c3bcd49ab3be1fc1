-- The admission check as it was answered (pack, outcome, the criteria with their articles).
ALTER TABLE tenant
  ADD COLUMN policy_id TEXT,
  ADD COLUMN policy_version TEXT,
  ADD COLUMN admission_outcome TEXT CHECK (admission_outcome IN ('ELIGIBLE', 'NEEDS_REVIEW', 'NOT_DEFINED')),
  ADD COLUMN admission_detail TEXT;
CREATE INDEX tenant_operator_status_idx ON tenant (operator_id, status);

-- 离孵服务清单: what the operator helps a leaving tenant with, ticked off one by one.
CREATE TABLE tenant_leaving_item (
  tenant_id BIGINT NOT NULL REFERENCES tenant (id),
  item      TEXT NOT NULL CHECK (item IN ('ADDRESS_CHANGE', 'TAX_REGISTRATION', 'IP_FILINGS', 'MOVE_OUT')),
  done_on   DATE NOT NULL,
  done_by   BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, item)
);

-- What the exit scan found. One open finding per tenant and status: a later scan refreshes
-- its month counts; when the tenant no longer qualifies the finding is closed (cleared_on).
CREATE TABLE tenant_exit_finding (
  id                    BIGSERIAL PRIMARY KEY,
  tenant_id             BIGINT NOT NULL REFERENCES tenant (id),
  first_found_on        DATE NOT NULL,
  as_of                 DATE NOT NULL,
  status                TEXT NOT NULL CHECK (status IN ('ABNORMAL', 'CLEARANCE_DUE')),
  months_without_filing INT NOT NULL,
  months_without_tax    INT NOT NULL,
  decision              TEXT CHECK (decision IN ('CONFIRMED', 'KEPT')),
  reason                TEXT,
  decided_by            BIGINT,
  decided_at            TIMESTAMPTZ,
  cleared_on            DATE,
  version               INT NOT NULL DEFAULT 0,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX tenant_exit_finding_open_uq ON tenant_exit_finding (tenant_id, status) WHERE cleared_on IS NULL;
CREATE INDEX tenant_exit_finding_status_idx ON tenant_exit_finding (status, as_of) WHERE cleared_on IS NULL;

-- One row per scanned day: the nightly job on a second node sees the day done and skips it.
CREATE TABLE tenant_exit_scan (
  as_of      DATE PRIMARY KEY,
  ran_at     TIMESTAMPTZ NOT NULL,
  ran_by     TEXT NOT NULL,
  scanned    INT NOT NULL,
  abnormal   INT NOT NULL,
  clearance  INT NOT NULL,
  new_found  INT NOT NULL
);
