-- 推荐: the authority of one of an institution's ACTIVE titles recommends it to the next level
-- (seed 000 Art. 8, seed 001 五(二), seed 002 三(六), seed 003 四(一)). The letter (推荐函) is
-- numbered like the titles, gap-free per prefix and year (朝科推〔2026〕第001号), from
-- recognition_counter. The higher level accepts (a new title, result_recognition_id) or refuses
-- with reasons; the recommender may withdraw before a decision.
--
-- institution_id names the institution module's row; it carries no foreign key because this
-- band runs before the institution table exists on a new database.
CREATE TABLE recommendation (
    id                    bigserial PRIMARY KEY,
    number                varchar(60)  NOT NULL UNIQUE,
    institution_id        bigint       NOT NULL,
    institution_name      varchar(200) NOT NULL,
    operator_name         varchar(200) NOT NULL,
    credit_code           varchar(18)  NOT NULL,
    kind                  varchar(40)  NOT NULL,
    specialization        varchar(40),
    region_code           varchar(12)  NOT NULL,
    from_recognition_id   bigint       NOT NULL REFERENCES recognition (id),
    from_level            varchar(20)  NOT NULL CHECK (from_level IN ('DISTRICT', 'CITY', 'PROVINCE')),
    from_authority        varchar(100) NOT NULL,
    to_level              varchar(20)  NOT NULL CHECK (to_level IN ('CITY', 'PROVINCE', 'NATIONAL')),
    to_authority          varchar(100) NOT NULL,
    to_region             varchar(12)  NOT NULL,
    reasons               varchar(4000) NOT NULL,
    status                varchar(20)  NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REFUSED', 'WITHDRAWN')),
    submitted_on          date         NOT NULL,
    submitted_by          varchar(64)  NOT NULL,
    submitted_by_id       bigint       NOT NULL,
    submitted_at          timestamptz  NOT NULL,
    decided_on            date,
    decided_by            varchar(64),
    decided_at            timestamptz,
    decision_reasons      varchar(2000),
    result_recognition_id bigint REFERENCES recognition (id),
    version               integer      NOT NULL DEFAULT 0,
    CHECK ((status = 'SUBMITTED') = (decided_on IS NULL)),
    CHECK ((status = 'ACCEPTED') = (result_recognition_id IS NOT NULL)),
    CHECK (status <> 'REFUSED' OR decision_reasons IS NOT NULL)
);
-- one open recommendation per institution and level
CREATE UNIQUE INDEX recommendation_open_uq ON recommendation (institution_id, to_level) WHERE status = 'SUBMITTED';
CREATE INDEX recommendation_to_idx ON recommendation (to_region, to_level, status);
CREATE INDEX recommendation_region_idx ON recommendation (region_code, from_level, status);
CREATE INDEX recommendation_institution_idx ON recommendation (institution_id);

ALTER TABLE recognition ADD CONSTRAINT recognition_recommendation_fk
    FOREIGN KEY (recommendation_id) REFERENCES recommendation (id);
