-- 统计年报: one row per institution, year and version. The first submission is version 1; a
-- later correction adds the next version with its reason, the earlier ones stay as they were.
-- The figures are the report as submitted: per indicator its value and where it came from
-- (COMPUTED from the records, DECLARED by the operator), so the aggregate of a region is read
-- from the reports, never recomputed from records that changed afterwards.
CREATE TABLE statistics_annual_report (
  id             BIGSERIAL PRIMARY KEY,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  year           INT NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  version        INT NOT NULL CHECK (version >= 1),
  region_code    CHAR(6) NOT NULL REFERENCES region (code),
  figures        JSONB NOT NULL,
  correction     TEXT CHECK (correction IS NULL OR length(correction) BETWEEN 1 AND 500),
  submitted_by   TEXT NOT NULL,
  submitted_at   TIMESTAMPTZ NOT NULL,
  UNIQUE (institution_id, year, version),
  CHECK ((version = 1) = (correction IS NULL))
);
CREATE INDEX statistics_annual_report_year_region_idx ON statistics_annual_report (year, region_code);
