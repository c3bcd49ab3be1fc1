-- 奖补: programmes with a budget (numeric(16,2) CNY) and the awards made from them. The budget
-- is held by locking the programme row (SELECT ... FOR UPDATE) before an award is written:
-- the sum of awards less what was recovered never exceeds it.
CREATE TABLE subsidy_programme (
    id                  bigserial PRIMARY KEY,
    name                varchar(200)  NOT NULL,
    year                integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    region_code         varchar(12)   NOT NULL,
    budget              numeric(16,2) NOT NULL CHECK (budget > 0),
    basis               varchar(20)   NOT NULL CHECK (basis IN ('ON_RECOGNITION', 'ON_ASSESSMENT')),
    assessment_round_id bigint,
    policy_id           varchar(100),
    status              varchar(10)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    created_by          varchar(64)   NOT NULL,
    created_role        varchar(20)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    version             integer       NOT NULL DEFAULT 0,
    CHECK ((basis = 'ON_ASSESSMENT') = (assessment_round_id IS NOT NULL))
);
CREATE INDEX subsidy_programme_region_idx ON subsidy_programme (region_code, year DESC);

-- The amount per recognized institution: rate_key DEFAULT or a level (DISTRICT, CITY,
-- PROVINCE) for ON_RECOGNITION, a grade (优秀, 良好, 合格) for ON_ASSESSMENT.
CREATE TABLE subsidy_rate (
    programme_id bigint        NOT NULL REFERENCES subsidy_programme (id),
    rate_key     varchar(20)   NOT NULL,
    amount       numeric(16,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (programme_id, rate_key)
);

CREATE TABLE subsidy_award (
    id                 bigserial PRIMARY KEY,
    programme_id       bigint        NOT NULL REFERENCES subsidy_programme (id),
    recognition_id     bigint        NOT NULL,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    operator_name      varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    amount             numeric(16,2) NOT NULL CHECK (amount > 0),
    reason             varchar(500)  NOT NULL,
    status             varchar(14)   NOT NULL DEFAULT 'AWARDED'
                       CHECK (status IN ('AWARDED', 'DISBURSED', 'RECOVERY_DUE', 'RECOVERED')),
    awarded_by         varchar(64)   NOT NULL,
    awarded_at         timestamptz   NOT NULL,
    disbursed_on       date,
    voucher_no         varchar(60),
    sanction_id        bigint,
    recovery_reason    varchar(2000),
    recovery_due_on    date,
    recovered_on       date,
    recovered_amount   numeric(16,2) CHECK (recovered_amount >= 0 AND recovered_amount <= amount),
    recovery_note      varchar(500),
    version            integer       NOT NULL DEFAULT 0,
    UNIQUE (programme_id, recognition_id),
    CHECK ((status = 'RECOVERED') = (recovered_on IS NOT NULL))
);
CREATE INDEX subsidy_award_recognition_idx ON subsidy_award (recognition_id);
CREATE INDEX subsidy_award_credit_idx ON subsidy_award (credit_code);
