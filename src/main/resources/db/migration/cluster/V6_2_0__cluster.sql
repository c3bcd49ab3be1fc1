-- 众创集聚区 (seed 002 三(三)): an institution of kind MAKER_SPACE_CLUSTER with its member
-- institutions and its service providers, recognized as such by the authority of a
-- jurisdiction. Band 6.2.x is the cluster module's.

-- Who recognizes clusters where: data, not code (the nearest jurisdiction holding the
-- cluster's region).
CREATE TABLE cluster_authority (
  region_code CHAR(6) PRIMARY KEY REFERENCES region (code),
  authority   TEXT NOT NULL
);
INSERT INTO cluster_authority (region_code, authority) VALUES ('320000', '江苏省科学技术厅');

CREATE TABLE cluster (
  id                BIGSERIAL PRIMARY KEY,
  institution_id    BIGINT NOT NULL UNIQUE REFERENCES institution (id),
  -- the institution's name when registered, for lists and keyword search
  name              TEXT NOT NULL,
  -- the cluster institution's region, copied so region-scoped lists need no join
  region_code       CHAR(6) NOT NULL REFERENCES region (code),
  authority_region  CHAR(6) NOT NULL REFERENCES cluster_authority (region_code),
  registered_by     TEXT NOT NULL,
  registered_at     TIMESTAMPTZ NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('APPLIED', 'RECOGNIZED', 'REFUSED', 'REVOKED')),
  number            TEXT,
  recognized_on     DATE,
  authority         TEXT,
  refusal_reason    TEXT,
  revocation_reason TEXT,
  decided_on        DATE,
  decided_by        TEXT,
  version           INT NOT NULL DEFAULT 0,
  CHECK ((status IN ('RECOGNIZED', 'REVOKED')) = (number IS NOT NULL)),
  CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
  CHECK ((status = 'REVOKED') = (revocation_reason IS NOT NULL))
);
CREATE UNIQUE INDEX cluster_number_uq ON cluster (number) WHERE number IS NOT NULL;
CREATE INDEX cluster_region_idx ON cluster (region_code, status);

CREATE TABLE cluster_member (
  cluster_id     BIGINT NOT NULL REFERENCES cluster (id),
  position       INT NOT NULL,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  PRIMARY KEY (cluster_id, institution_id)
);

-- 服务机构: organisations that serve the cluster's tenants (科技咨询、天使投资 …).
CREATE TABLE cluster_provider (
  id           BIGSERIAL PRIMARY KEY,
  cluster_id   BIGINT NOT NULL REFERENCES cluster (id),
  name         TEXT NOT NULL,
  credit_code  CHAR(18) NOT NULL,
  service_kind TEXT NOT NULL,
  UNIQUE (cluster_id, credit_code)
);
