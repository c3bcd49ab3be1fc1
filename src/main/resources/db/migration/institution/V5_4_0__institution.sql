-- 孵化载体: each space its own record (institutions.md). An operator runs one or more; the
-- records, tenants, applications and titles that used to hang off the operator now name the
-- institution they belong to.
--
-- This one migration also attaches the existing rows of the operator, tenant, application
-- and recognition modules, so it takes a version after all of them (band 5.4.x): on a new
-- database every table exists by the time it runs, and on an upgraded one it runs once,
-- after them, with everything already there.

CREATE TABLE institution (
  id                   BIGSERIAL PRIMARY KEY,
  -- null only for an institution known from a title a bureau recorded, whose operator does
  -- not use the system; its operator's name and credit code are then what the document says
  operator_id          BIGINT REFERENCES operator_organisation (id),
  operator_name        TEXT NOT NULL,
  operator_credit_code VARCHAR(18) NOT NULL,
  name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind                 TEXT NOT NULL CHECK (kind IN ('MAKER_SPACE', 'NURSERY', 'INCUBATOR', 'ACCELERATOR',
                         'UNIVERSITY_SCIENCE_PARK', 'RETURNEE_PARK', 'SMALL_BUSINESS_BASE', 'INDUSTRIAL_PARK',
                         'MAKER_SPACE_CLUSTER')),
  specialization       TEXT CHECK (specialization IN ('COMPREHENSIVE', 'SPECIALIZED')),
  service_models       TEXT[] NOT NULL DEFAULT '{}' CHECK (service_models <@ ARRAY['INVESTMENT_PROMOTION',
                         'TRAINING_COACHING', 'PROFESSIONAL_SERVICE', 'MAKER_INCUBATION', 'MEDIA_EXTENSION']),
  sector_type          TEXT CHECK (sector_type IN ('E_COMMERCE', 'CULTURE', 'MODERN_AGRICULTURE', 'INTERNET_PLUS',
                         'TECH_STARTUP', 'COMPREHENSIVE_SERVICE')),
  region_code          CHAR(6) NOT NULL REFERENCES region (code),
  address              TEXT,
  virtual              BOOLEAN NOT NULL DEFAULT false,
  focus_segment        TEXT,
  opened_on            DATE,
  stages               TEXT[] NOT NULL DEFAULT '{}' CHECK (stages <@ ARRAY['NURSERY', 'INCUBATOR', 'ACCELERATOR', 'PARK']),
  status               TEXT NOT NULL DEFAULT 'OPERATING' CHECK (status IN ('OPERATING', 'CLOSED')),
  origin               TEXT NOT NULL CHECK (origin IN ('REGISTERED', 'EXTERNAL', 'MIGRATED')),
  created_by           TEXT NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL,
  version              INT NOT NULL DEFAULT 0,
  -- specialization is the maker spaces' (综合性 / 专业化), null for every other kind
  CHECK ((kind = 'MAKER_SPACE') = (specialization IS NOT NULL))
);
CREATE INDEX institution_operator_idx ON institution (operator_id);
CREATE INDEX institution_region_idx ON institution (region_code);
CREATE INDEX institution_credit_code_idx ON institution (operator_credit_code);

-- Mentors, staff, funds and agreements are the operator's and may serve several of its
-- institutions: one row per record and institution it is assigned to.
CREATE TABLE operator_record_assignment (
  record_kind    TEXT NOT NULL CHECK (record_kind IN ('staff', 'mentors', 'funds', 'agreements')),
  record_id      BIGINT NOT NULL,
  institution_id BIGINT NOT NULL REFERENCES institution (id),
  PRIMARY KEY (record_kind, record_id, institution_id)
);
CREATE INDEX operator_record_assignment_institution_idx ON operator_record_assignment (institution_id, record_kind);

ALTER TABLE operator_premises ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE operator_event ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE operator_counselling ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE operator_investment ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE tenant ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE application ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE recognition ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE recognition ADD COLUMN source VARCHAR(20) NOT NULL DEFAULT 'SYSTEM' CHECK (source IN ('SYSTEM', 'EXTERNAL'));

-- ---------------------------------------------------------------------------------------
-- Upgrade of a database created before institutions existed. Nothing below does anything on
-- a new database. Ids of every existing row are kept.

-- 1. One institution per recognized space: the recognitions of one operator (by credit code)
--    under one institution name are one space, except that a second ACTIVE title at the same
--    level cannot be the same institution's and starts another one.
CREATE TEMPORARY TABLE upgrade_recognition ON COMMIT DROP AS
SELECT r.id, r.credit_code, r.institution_name, r.operator_name, r.kind, r.specialization, r.region_code,
       r.created_at, r.subject_type, r.subject_id,
       coalesce(a.operator_id, o.id) AS operator_id,
       row_number() OVER (PARTITION BY r.credit_code, r.institution_name, r.level, (r.status = 'ACTIVE')
                          ORDER BY r.recognized_on, r.id) AS slot
FROM recognition r
LEFT JOIN application a ON r.subject_type = 'application' AND a.id = r.subject_id
LEFT JOIN operator_organisation o ON o.credit_code = r.credit_code;

CREATE TEMPORARY TABLE upgrade_space ON COMMIT DROP AS
SELECT DISTINCT ON (credit_code, institution_name, slot)
       credit_code, institution_name, slot, operator_id, operator_name, kind, specialization, region_code, created_at,
       nextval('institution_id_seq') AS institution_id
FROM upgrade_recognition
ORDER BY credit_code, institution_name, slot, id;

INSERT INTO institution (id, operator_id, operator_name, operator_credit_code, name, kind, specialization, region_code,
                         origin, created_by, created_at)
SELECT s.institution_id, s.operator_id, s.operator_name, s.credit_code, left(s.institution_name, 100), s.kind,
       CASE WHEN s.kind = 'MAKER_SPACE' THEN coalesce(s.specialization, 'COMPREHENSIVE') END,
       coalesce((SELECT code FROM region WHERE code = s.region_code),
                (SELECT region_code FROM operator_organisation WHERE id = s.operator_id), '000000'),
       'MIGRATED', 'migration', s.created_at
FROM (SELECT institution_id, operator_id, operator_name, credit_code, institution_name, specialization, region_code,
             created_at,
             CASE WHEN kind IN ('NURSERY', 'INCUBATOR', 'ACCELERATOR', 'UNIVERSITY_SCIENCE_PARK', 'RETURNEE_PARK',
                                'SMALL_BUSINESS_BASE', 'INDUSTRIAL_PARK', 'MAKER_SPACE_CLUSTER')
                  THEN kind ELSE 'MAKER_SPACE' END AS kind
      FROM upgrade_space) s;

UPDATE recognition r SET institution_id = s.institution_id
FROM upgrade_recognition u
JOIN upgrade_space s ON s.credit_code = u.credit_code AND s.institution_name = u.institution_name AND s.slot = u.slot
WHERE r.id = u.id;

-- 2. Applications: the institution of their recognition, else the operator's institution of
--    the same name, else a new institution per operator and space name.
UPDATE application a SET institution_id = r.institution_id
FROM recognition r
WHERE r.subject_type = 'application' AND r.subject_id = a.id AND a.institution_id IS NULL;

UPDATE application a SET institution_id = (
  SELECT min(i.id) FROM institution i
  WHERE i.name = left(a.space_name, 100)
    AND (i.operator_id = a.operator_id
         OR i.operator_credit_code = (SELECT credit_code FROM operator_organisation WHERE id = a.operator_id)))
WHERE a.institution_id IS NULL;

INSERT INTO institution (operator_id, operator_name, operator_credit_code, name, kind, specialization, region_code,
                         origin, created_by, created_at)
SELECT DISTINCT ON (a.operator_id, left(a.space_name, 100))
       a.operator_id, o.name, o.credit_code, left(a.space_name, 100),
       CASE WHEN a.kind IN ('NURSERY', 'INCUBATOR', 'ACCELERATOR', 'UNIVERSITY_SCIENCE_PARK', 'RETURNEE_PARK',
                            'SMALL_BUSINESS_BASE', 'INDUSTRIAL_PARK', 'MAKER_SPACE_CLUSTER') THEN a.kind
            ELSE 'MAKER_SPACE' END,
       CASE WHEN a.kind IN ('NURSERY', 'INCUBATOR', 'ACCELERATOR', 'UNIVERSITY_SCIENCE_PARK', 'RETURNEE_PARK',
                            'SMALL_BUSINESS_BASE', 'INDUSTRIAL_PARK', 'MAKER_SPACE_CLUSTER') THEN NULL
            ELSE a.specialization END,
       a.region_code, 'MIGRATED', 'migration', a.created_at
FROM application a
JOIN operator_organisation o ON o.id = a.operator_id
WHERE a.institution_id IS NULL
ORDER BY a.operator_id, left(a.space_name, 100), a.id;

UPDATE application a SET institution_id = (
  SELECT min(i.id) FROM institution i WHERE i.operator_id = a.operator_id AND i.name = left(a.space_name, 100))
WHERE a.institution_id IS NULL;

-- 3. An operator with no institution yet gets one default institution under its own name.
INSERT INTO institution (operator_id, operator_name, operator_credit_code, name, kind, specialization, region_code,
                         origin, created_by, created_at)
SELECT o.id, o.name, o.credit_code, left(o.name, 100), 'MAKER_SPACE', 'COMPREHENSIVE', o.region_code, 'MIGRATED',
       'migration', o.created_at
FROM operator_organisation o
WHERE NOT EXISTS (SELECT 1 FROM institution i WHERE i.operator_id = o.id);

-- 4. The records that belong to one institution (premises, events, counselling, investments,
--    tenants) land on the operator's first institution: the one whose ACTIVE title is the
--    earliest, else the one recognized earliest, else the first created. The operator's own records (staff, mentors, funds, agreements) are
--    assigned to every institution it runs, as they served all of them before.
CREATE TEMPORARY TABLE upgrade_primary ON COMMIT DROP AS
SELECT DISTINCT ON (i.operator_id) i.operator_id, i.id AS institution_id
FROM institution i
LEFT JOIN recognition r ON r.institution_id = i.id
WHERE i.operator_id IS NOT NULL
ORDER BY i.operator_id, (r.id IS NULL), (r.status IS DISTINCT FROM 'ACTIVE'), r.recognized_on, r.id, i.id;

UPDATE operator_premises x SET institution_id = p.institution_id FROM upgrade_primary p WHERE p.operator_id = x.operator_id;
UPDATE operator_event x SET institution_id = p.institution_id FROM upgrade_primary p WHERE p.operator_id = x.operator_id;
UPDATE operator_counselling x SET institution_id = p.institution_id FROM upgrade_primary p WHERE p.operator_id = x.operator_id;
UPDATE operator_investment x SET institution_id = p.institution_id FROM upgrade_primary p WHERE p.operator_id = x.operator_id;
UPDATE tenant x SET institution_id = p.institution_id FROM upgrade_primary p WHERE p.operator_id = x.operator_id;

INSERT INTO operator_record_assignment (record_kind, record_id, institution_id)
SELECT 'staff', s.id, i.id FROM operator_staff s JOIN institution i ON i.operator_id = s.operator_id
UNION ALL
SELECT 'mentors', m.id, i.id FROM operator_mentor m JOIN institution i ON i.operator_id = m.operator_id
UNION ALL
SELECT 'funds', f.id, i.id FROM operator_fund f JOIN institution i ON i.operator_id = f.operator_id
UNION ALL
SELECT 'agreements', g.id, i.id FROM operator_agreement g JOIN institution i ON i.operator_id = g.operator_id;

-- A tenant is scoped by the region of the institution it is in.
UPDATE tenant t SET region_code = i.region_code FROM institution i WHERE i.id = t.institution_id;

-- ---------------------------------------------------------------------------------------

ALTER TABLE operator_premises ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE operator_event ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE operator_counselling ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE operator_investment ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE tenant ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE application ALTER COLUMN institution_id SET NOT NULL;
ALTER TABLE recognition ALTER COLUMN institution_id SET NOT NULL;

CREATE INDEX operator_premises_institution_idx ON operator_premises (institution_id);
CREATE INDEX operator_event_institution_idx ON operator_event (institution_id, held_on);
CREATE INDEX operator_counselling_institution_idx ON operator_counselling (institution_id);
CREATE INDEX operator_investment_institution_idx ON operator_investment (institution_id);
CREATE INDEX tenant_institution_status_idx ON tenant (institution_id, status);
CREATE INDEX application_institution_idx ON application (institution_id);
CREATE INDEX recognition_institution_idx ON recognition (institution_id);
-- One ACTIVE title per institution and level (a district title and a national filing may
-- stand together; two city titles may not).
CREATE UNIQUE INDEX recognition_active_level_uq ON recognition (institution_id, level) WHERE status = 'ACTIVE';
