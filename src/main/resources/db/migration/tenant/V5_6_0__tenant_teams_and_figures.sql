-- Teams as tenants (创业团队, before a company exists) and the figures statistics need.
-- Band 5.6.x is the tenant module's second band: it runs after institution's V5_4_0.

-- A team has no credit code until it registers a company; it then becomes an enterprise
-- (kind ENTERPRISE) and keeps its id and history, marked with the day it registered
-- (毕业团队注册企业).
ALTER TABLE tenant
  ADD COLUMN kind TEXT NOT NULL DEFAULT 'ENTERPRISE' CHECK (kind IN ('ENTERPRISE', 'TEAM')),
  ADD COLUMN registered_from_team_on DATE,
  ALTER COLUMN credit_code DROP NOT NULL,
  ADD CONSTRAINT tenant_kind_credit_code_ck CHECK ((kind = 'TEAM') = (credit_code IS NULL)),
  ADD CONSTRAINT tenant_registered_team_ck CHECK (registered_from_team_on IS NULL OR kind = 'ENTERPRISE');
CREATE INDEX tenant_registered_from_team_idx ON tenant (institution_id, registered_from_team_on)
  WHERE registered_from_team_on IS NOT NULL;

-- What a team is (kept after it registers a company: its history).
CREATE TABLE tenant_team (
  tenant_id    BIGINT PRIMARY KEY REFERENCES tenant (id),
  leader       TEXT NOT NULL,
  members      TEXT[] NOT NULL DEFAULT '{}',
  member_count INT NOT NULL CHECK (member_count >= 1),
  field        TEXT NOT NULL
);

-- 统计指标 per tenant and year: each value with its source, DECLARED by the operator or
-- IMPORTED from the operator's records; the 重点培育 / 黑马 mark is the bureau's.
CREATE TABLE tenant_figure (
  tenant_id                  BIGINT NOT NULL REFERENCES tenant (id),
  year                       INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  revenue_wan                NUMERIC(14, 2) CHECK (revenue_wan >= 0),
  revenue_source             TEXT CHECK (revenue_source IN ('DECLARED', 'IMPORTED')),
  patent_applications        INT CHECK (patent_applications >= 0),
  patent_applications_source TEXT CHECK (patent_applications_source IN ('DECLARED', 'IMPORTED')),
  valid_ip                   INT CHECK (valid_ip >= 0),
  valid_ip_source            TEXT CHECK (valid_ip_source IN ('DECLARED', 'IMPORTED')),
  high_tech                  BOOLEAN,
  high_tech_source           TEXT CHECK (high_tech_source IN ('DECLARED', 'IMPORTED')),
  financing_wan              NUMERIC(14, 2) CHECK (financing_wan >= 0),
  financing_source           TEXT CHECK (financing_source IN ('DECLARED', 'IMPORTED')),
  mark                       TEXT CHECK (mark IN ('KEY_CULTIVATION', 'DARK_HORSE')),
  mark_set_by                BIGINT,
  mark_set_at                TIMESTAMPTZ,
  updated_at                 TIMESTAMPTZ NOT NULL,
  version                    INT NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, year),
  CHECK ((revenue_wan IS NULL) = (revenue_source IS NULL)),
  CHECK ((patent_applications IS NULL) = (patent_applications_source IS NULL)),
  CHECK ((valid_ip IS NULL) = (valid_ip_source IS NULL)),
  CHECK ((high_tech IS NULL) = (high_tech_source IS NULL)),
  CHECK ((financing_wan IS NULL) = (financing_source IS NULL))
);
CREATE INDEX tenant_figure_year_idx ON tenant_figure (year, tenant_id);
