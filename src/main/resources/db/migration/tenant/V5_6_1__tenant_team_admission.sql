-- A team's admission check answers 不适用: the tenant criteria are those of an enterprise.
ALTER TABLE tenant DROP CONSTRAINT tenant_admission_outcome_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_admission_outcome_check
  CHECK (admission_outcome IN ('ELIGIBLE', 'NEEDS_REVIEW', 'NOT_DEFINED', 'NOT_APPLICABLE'));

-- The team's own name, kept when it registers a company under another name.
ALTER TABLE tenant_team ADD COLUMN name TEXT NOT NULL;
-- one active team of a name per institution
CREATE UNIQUE INDEX tenant_team_name_uq ON tenant (institution_id, name) WHERE kind = 'TEAM' AND status = 'ACTIVE';
