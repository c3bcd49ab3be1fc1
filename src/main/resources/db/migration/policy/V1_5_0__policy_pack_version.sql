-- Policy pack versions uploaded by administrators: a new version of a bundled pack or a new
-- jurisdiction's pack, as data. A version becomes ACTIVE only when all its example cases pass;
-- an application is judged by the active version in force on its submission date.
CREATE TABLE policy_pack_version (
  pack_id        TEXT NOT NULL,
  version        TEXT NOT NULL,
  title          TEXT NOT NULL,
  jurisdiction   CHAR(6) NOT NULL,
  effective_from DATE NOT NULL,
  source         TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
  problems       TEXT,
  uploaded_by    TEXT NOT NULL,
  uploaded_at    TIMESTAMPTZ NOT NULL,
  activated_by   TEXT,
  activated_at   TIMESTAMPTZ,
  PRIMARY KEY (pack_id, version)
);
