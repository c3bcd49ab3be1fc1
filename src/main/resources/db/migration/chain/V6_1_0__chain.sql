-- 孵化链条试点 (seed 002 三(二), seed 001 五(一)): a chain of linked institutions, each at
-- its stage (苗圃 → 孵化器 → 加速器 → 产业园), applied for by an operator and designated a
-- pilot by the authority of a jurisdiction. Band 6.1.x is the chain module's.

-- Who designates chain pilots where: data, not code. A chain is reviewed by the
-- authority whose jurisdiction contains every institution of the chain (the nearest one).
CREATE TABLE chain_authority (
  region_code CHAR(6) PRIMARY KEY REFERENCES region (code),
  authority   TEXT NOT NULL
);
INSERT INTO chain_authority (region_code, authority) VALUES ('320000', '江苏省科学技术厅');

CREATE TABLE chain (
  id                 BIGSERIAL PRIMARY KEY,
  name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- the region of the first institution of the chain: region-scoped lists use it
  region_code        CHAR(6) NOT NULL REFERENCES region (code),
  authority_region   CHAR(6) NOT NULL REFERENCES chain_authority (region_code),
  applicant_operator BIGINT NOT NULL REFERENCES operator_organisation (id),
  applied_by         TEXT NOT NULL,
  applied_at         TIMESTAMPTZ NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('APPLIED', 'DESIGNATED', 'REFUSED', 'REVOKED')),
  number             TEXT,
  designated_on      DATE,
  authority          TEXT,
  refusal_reason     TEXT,
  revocation_reason  TEXT,
  decided_on         DATE,
  decided_by         TEXT,
  version            INT NOT NULL DEFAULT 0,
  CHECK ((status IN ('DESIGNATED', 'REVOKED')) = (number IS NOT NULL)),
  CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
  CHECK ((status = 'REVOKED') = (revocation_reason IS NOT NULL))
);
CREATE UNIQUE INDEX chain_number_uq ON chain (number) WHERE number IS NOT NULL;
CREATE INDEX chain_region_idx ON chain (region_code, status);

-- The links in chain order (position 1, 2, …), each institution once.
CREATE TABLE chain_link (
  chain_id       BIGINT NOT NULL REFERENCES chain (id),
  position       INT NOT NULL CHECK (position >= 1),
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  stage          TEXT NOT NULL CHECK (stage IN ('NURSERY', 'INCUBATOR', 'ACCELERATOR', 'PARK')),
  PRIMARY KEY (chain_id, position),
  UNIQUE (chain_id, institution_id)
);
CREATE INDEX chain_link_institution_idx ON chain_link (institution_id);
