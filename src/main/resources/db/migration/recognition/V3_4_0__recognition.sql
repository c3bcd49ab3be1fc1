-- 认定: recognized institutions with their number, level, date, issuing authority and the
-- verification code printed on the certificate.
CREATE TABLE recognition (
    id                bigserial PRIMARY KEY,
    number            varchar(60)  NOT NULL UNIQUE,
    verification_code varchar(16)  NOT NULL UNIQUE,
    subject_type      varchar(40)  NOT NULL,
    subject_id        bigint       NOT NULL,
    institution_name  varchar(200) NOT NULL,
    operator_name     varchar(200) NOT NULL,
    credit_code       varchar(18)  NOT NULL,
    kind              varchar(40)  NOT NULL,
    specialization    varchar(40),
    level             varchar(20)  NOT NULL,
    region_code       varchar(12)  NOT NULL,
    policy_id         varchar(100) NOT NULL,
    issuing_authority varchar(100) NOT NULL,
    recognized_on     date         NOT NULL,
    status            varchar(20)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'LAPSED')),
    created_by        varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    version           integer      NOT NULL DEFAULT 0,
    UNIQUE (subject_type, subject_id, policy_id)
);
CREATE INDEX recognition_region_idx ON recognition (region_code, level);

-- One row per number prefix (derived from the issuing authority) and year; taken with
-- SELECT ... FOR UPDATE so that concurrent recognitions get consecutive numbers, no gaps.
CREATE TABLE recognition_counter (
    prefix      varchar(40) NOT NULL,
    year        integer     NOT NULL,
    last_number integer     NOT NULL,
    PRIMARY KEY (prefix, year)
);
