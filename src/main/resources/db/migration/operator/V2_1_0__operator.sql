-- 运营机构 and the records it keeps. Every record row belongs to one organisation
-- (operator_id); every table carries an optimistic version.

CREATE TABLE operator_organisation (
  id                           BIGSERIAL PRIMARY KEY,
  name                         TEXT NOT NULL,
  credit_code                  CHAR(18) NOT NULL,
  region_code                  CHAR(6) NOT NULL REFERENCES region (code),
  legal_representative         TEXT NOT NULL,
  contact_phone                TEXT NOT NULL,
  address                      TEXT NOT NULL,
  established_on               DATE NOT NULL,
  independent_legal_entity     BOOLEAN NOT NULL,
  management_and_finance_rules BOOLEAN NOT NULL,
  lead_entity                  TEXT NOT NULL CHECK (lead_entity IN ('LEADING_ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE',
                                 'INNOVATIVE_ENTERPRISE', 'PAIRED_WITH_LEAD', 'NONE')),
  employer_name                TEXT,
  created_at                   TIMESTAMPTZ NOT NULL,
  version                      INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX operator_organisation_credit_code_uq ON operator_organisation (credit_code);
CREATE INDEX operator_organisation_region_idx ON operator_organisation (region_code);

-- Which account acts for which organisation: one organisation per operator account.
CREATE TABLE operator_member (
  user_id     BIGINT PRIMARY KEY REFERENCES user_account (id),
  operator_id BIGINT NOT NULL REFERENCES operator_organisation (id),
  joined_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX operator_member_operator_idx ON operator_member (operator_id);

-- 场地
CREATE TABLE operator_premises (
  id                                BIGSERIAL PRIMARY KEY,
  operator_id                       BIGINT NOT NULL REFERENCES operator_organisation (id),
  address                           TEXT NOT NULL,
  region_code                       CHAR(6) NOT NULL REFERENCES region (code),
  total_area_m2                     NUMERIC(12, 2) NOT NULL CHECK (total_area_m2 > 0),
  office_and_public_service_area_m2 NUMERIC(12, 2) NOT NULL CHECK (office_and_public_service_area_m2 >= 0),
  independent_workstations          INT NOT NULL CHECK (independent_workstations >= 0),
  tenure                            TEXT NOT NULL CHECK (tenure IN ('OWNED', 'LEASED')),
  lease_start                       DATE,
  lease_end                         DATE,
  infrastructure_ready              BOOLEAN NOT NULL,
  rd_and_production_facilities      BOOLEAN NOT NULL,
  operating_since                   DATE NOT NULL,
  created_at                        TIMESTAMPTZ NOT NULL,
  version                           INT NOT NULL DEFAULT 0,
  CHECK (tenure = 'OWNED' OR (lease_start IS NOT NULL AND lease_end IS NOT NULL AND lease_end > lease_start))
);
CREATE INDEX operator_premises_operator_idx ON operator_premises (operator_id);

-- 人员
CREATE TABLE operator_staff (
  id                    BIGSERIAL PRIMARY KEY,
  operator_id           BIGINT NOT NULL REFERENCES operator_organisation (id),
  name                  TEXT NOT NULL,
  role                  TEXT NOT NULL CHECK (role IN ('MANAGEMENT', 'INCUBATION_PROFESSIONAL', 'OTHER')),
  college_degree        BOOLEAN NOT NULL,
  masters               BOOLEAN NOT NULL,
  investment_experience BOOLEAN NOT NULL,
  founder               BOOLEAN NOT NULL,
  employed_since        DATE NOT NULL,
  employed_until        DATE CHECK (employed_until IS NULL OR employed_until >= employed_since),
  created_at            TIMESTAMPTZ NOT NULL,
  version               INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_staff_operator_idx ON operator_staff (operator_id);

-- 创业导师 and their 辅导档案
CREATE TABLE operator_mentor (
  id                           BIGSERIAL PRIMARY KEY,
  operator_id                  BIGINT NOT NULL REFERENCES operator_organisation (id),
  name                         TEXT NOT NULL,
  employer                     TEXT,
  field                        TEXT,
  industry_mentor              BOOLEAN NOT NULL,
  from_leading_investor_or_firm BOOLEAN NOT NULL,
  contract_start               DATE NOT NULL,
  contract_end                 DATE CHECK (contract_end IS NULL OR contract_end >= contract_start),
  created_at                   TIMESTAMPTZ NOT NULL,
  version                      INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_mentor_operator_idx ON operator_mentor (operator_id);

CREATE TABLE operator_counselling (
  id          BIGSERIAL PRIMARY KEY,
  operator_id BIGINT NOT NULL REFERENCES operator_organisation (id),
  mentor_id   BIGINT NOT NULL REFERENCES operator_mentor (id),
  held_on     DATE NOT NULL,
  tenant_name TEXT NOT NULL,
  topic       TEXT NOT NULL,
  hours       NUMERIC(5, 1) NOT NULL CHECK (hours > 0),
  summary     TEXT,
  created_at  TIMESTAMPTZ NOT NULL,
  version     INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_counselling_mentor_idx ON operator_counselling (mentor_id);
CREATE INDEX operator_counselling_operator_idx ON operator_counselling (operator_id);

-- 活动. Photos are attachments owned by the attachment module, pointing at operator_event.id.
CREATE TABLE operator_event (
  id           BIGSERIAL PRIMARY KEY,
  operator_id  BIGINT NOT NULL REFERENCES operator_organisation (id),
  title        TEXT NOT NULL,
  type         TEXT NOT NULL CHECK (type IN ('ROADSHOW', 'SALON', 'LECTURE', 'BOOTCAMP', 'FINANCING_MATCH', 'TRAINING', 'OTHER')),
  held_on      DATE NOT NULL,
  participants INT NOT NULL CHECK (participants >= 0),
  professional BOOLEAN NOT NULL,
  media_links  TEXT,
  created_at   TIMESTAMPTZ NOT NULL,
  version      INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_event_operator_idx ON operator_event (operator_id, held_on);

-- 基金 and their investments into tenants
CREATE TABLE operator_fund (
  id             BIGSERIAL PRIMARY KEY,
  operator_id    BIGINT NOT NULL REFERENCES operator_organisation (id),
  name           TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('SELF_BUILT', 'LED', 'COOPERATIVE')),
  kind           TEXT NOT NULL CHECK (kind IN ('ANGEL', 'VC', 'SEED', 'EQUITY', 'INNOVATION')),
  amount_cny     BIGINT NOT NULL CHECK (amount_cny > 0),
  established_on DATE NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  version        INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_fund_operator_idx ON operator_fund (operator_id);

CREATE TABLE operator_investment (
  id          BIGSERIAL PRIMARY KEY,
  operator_id BIGINT NOT NULL REFERENCES operator_organisation (id),
  fund_id     BIGINT NOT NULL REFERENCES operator_fund (id),
  tenant_name TEXT NOT NULL,
  amount_cny  BIGINT NOT NULL CHECK (amount_cny > 0),
  invested_on DATE NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  version     INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_investment_fund_idx ON operator_investment (fund_id);
CREATE INDEX operator_investment_operator_idx ON operator_investment (operator_id);

-- 知识产权服务协议 / 投融资服务协议
CREATE TABLE operator_agreement (
  id           BIGSERIAL PRIMARY KEY,
  operator_id  BIGINT NOT NULL REFERENCES operator_organisation (id),
  kind         TEXT NOT NULL CHECK (kind IN ('IP_SERVICE', 'FINANCING')),
  counterparty TEXT NOT NULL,
  signed_on    DATE NOT NULL,
  valid_until  DATE CHECK (valid_until IS NULL OR valid_until >= signed_on),
  created_at   TIMESTAMPTZ NOT NULL,
  version      INT NOT NULL DEFAULT 0
);
CREATE INDEX operator_agreement_operator_idx ON operator_agreement (operator_id);

-- 在孵企业名册: the simple roster kept until the tenant module takes it over (same rows, same ids).
CREATE TABLE operator_tenant (
  id               BIGSERIAL PRIMARY KEY,
  operator_id      BIGINT NOT NULL REFERENCES operator_organisation (id),
  name             TEXT NOT NULL,
  credit_code      CHAR(18) NOT NULL,
  admitted_on      DATE NOT NULL,
  agreement_signed BOOLEAN NOT NULL,
  agreement_date   DATE,
  in_focus_segment BOOLEAN NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'GRADUATED', 'EXITED')),
  left_on          DATE,
  created_at       TIMESTAMPTZ NOT NULL,
  version          INT NOT NULL DEFAULT 0,
  CHECK (NOT agreement_signed OR agreement_date IS NOT NULL),
  CHECK ((status = 'ACTIVE') = (left_on IS NULL))
);
CREATE UNIQUE INDEX operator_tenant_credit_code_uq ON operator_tenant (operator_id, credit_code);
