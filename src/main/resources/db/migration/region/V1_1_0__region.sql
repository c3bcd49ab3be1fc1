-- Administrative regions (GB/T 2260). A user's data scope is a region and everything below it.
CREATE TABLE region (
  code        CHAR(6) PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('NATION', 'PROVINCE', 'CITY', 'COUNTY')),
  parent_code CHAR(6) REFERENCES region (code)
);
CREATE INDEX region_parent_idx ON region (parent_code);
