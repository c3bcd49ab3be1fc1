-- Applications for recognition and their staged review. The stages come from the policy
-- pack; the row keeps the current one (code, name and role) so that work queues are SQL.

CREATE TABLE application (
  id                  BIGSERIAL PRIMARY KEY,
  operator_id         BIGINT NOT NULL REFERENCES operator_organisation (id),
  operator_name       TEXT NOT NULL,
  policy_id           TEXT NOT NULL,
  policy_version      TEXT,
  region_code         CHAR(6) NOT NULL REFERENCES region (code),
  space_name          TEXT NOT NULL,
  kind                TEXT NOT NULL,
  specialization      TEXT NOT NULL CHECK (specialization IN ('COMPREHENSIVE', 'SPECIALIZED')),
  status              TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED',
                        'REJECTED', 'WITHDRAWN')),
  current_stage       TEXT,
  current_stage_name  TEXT,
  current_stage_role  TEXT,
  returned_stage      TEXT,
  submission_key      TEXT,
  submitted_on        DATE,
  verdict_outcome     TEXT,
  verdict             TEXT,
  created_by          TEXT NOT NULL,
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  version             INT NOT NULL DEFAULT 0
);
CREATE INDEX application_operator_idx ON application (operator_id);
CREATE INDEX application_queue_idx ON application (status, current_stage_role, region_code);
CREATE UNIQUE INDEX application_submission_key_uq ON application (submission_key);

-- The facts: while a draft, what the operator declared or overrode; from submission, a
-- snapshot of every fact the verdict was computed from.
CREATE TABLE application_fact (
  application_id BIGINT NOT NULL REFERENCES application (id),
  path           TEXT NOT NULL,
  value          TEXT NOT NULL,
  origin         TEXT NOT NULL CHECK (origin IN ('COMPUTED', 'DECLARED', 'OVERRIDDEN')),
  source         TEXT,
  reason         TEXT,
  PRIMARY KEY (application_id, path)
);

-- The material checklist as it stood at submission.
CREATE TABLE application_material (
  application_id BIGINT NOT NULL REFERENCES application (id),
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  required       BOOLEAN NOT NULL,
  files          INT NOT NULL,
  PRIMARY KEY (application_id, code)
);

-- Every transition: who, when, why. Append-only.
CREATE TABLE application_decision (
  id             BIGSERIAL PRIMARY KEY,
  application_id BIGINT NOT NULL REFERENCES application (id),
  stage_code     TEXT,
  stage_name     TEXT,
  decision       TEXT NOT NULL CHECK (decision IN ('CREATE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT',
                   'WITHDRAW')),
  reasons        TEXT,
  decided_by     TEXT NOT NULL,
  decided_by_name TEXT NOT NULL,
  role           TEXT NOT NULL,
  decided_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_decision_application_idx ON application_decision (application_id, id);
