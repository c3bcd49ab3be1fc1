-- 年度备案 (annual filing): one report per active recognition and year, figures computed
-- from the operator's records (source named) or declared; 考核 (assessment rounds): a
-- bureau's round for a year under a pack, one result per institution with its indicator
-- scores, weighted total and grade; published rounds are public.
CREATE TABLE annual_filing (
    id                 bigserial PRIMARY KEY,
    recognition_id     bigint        NOT NULL,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    operator_name      varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    policy_id          varchar(100)  NOT NULL,
    year               integer       NOT NULL,
    due_on             date          NOT NULL,
    status             varchar(20)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    submitted_on       date,
    late               boolean       NOT NULL DEFAULT false,
    created_by         varchar(64)   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            integer       NOT NULL DEFAULT 0,
    UNIQUE (recognition_id, year)
);
CREATE INDEX annual_filing_region_idx ON annual_filing (region_code, year);

CREATE TABLE annual_filing_figure (
    filing_id  bigint        NOT NULL REFERENCES annual_filing (id),
    code       varchar(40)   NOT NULL,
    value      numeric(16,2) NOT NULL CHECK (value >= 0),
    computed   boolean       NOT NULL,
    source     varchar(500),
    PRIMARY KEY (filing_id, code)
);

CREATE TABLE assessment_round (
    id           bigserial PRIMARY KEY,
    policy_id    varchar(100)  NOT NULL,
    year         integer       NOT NULL,
    region_code  varchar(12)   NOT NULL,
    status       varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'PUBLISHED')),
    opened_by    varchar(64)   NOT NULL,
    opened_at    timestamptz   NOT NULL,
    published_on date,
    published_by varchar(64),
    version      integer       NOT NULL DEFAULT 0,
    UNIQUE (policy_id, year, region_code)
);

CREATE TABLE assessment_result (
    id                 bigserial PRIMARY KEY,
    round_id           bigint        NOT NULL REFERENCES assessment_round (id),
    recognition_id     bigint        NOT NULL,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    operator_name      varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    scores             varchar(1000),
    total              numeric(6,2),
    grade              varchar(20),
    scored_by          varchar(64),
    lapsed             boolean       NOT NULL DEFAULT false,
    version            integer       NOT NULL DEFAULT 0,
    UNIQUE (round_id, recognition_id)
);
CREATE INDEX assessment_result_recognition_idx ON assessment_result (recognition_id);
