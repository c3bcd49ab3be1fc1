-- 公示 (public notice before recognition) and 异议 (objections lodged by anyone).
CREATE TABLE notice (
    id                bigserial PRIMARY KEY,
    policy_id         varchar(100) NOT NULL,
    region_code       varchar(12)  NOT NULL,
    title             varchar(200) NOT NULL,
    issuing_authority varchar(100) NOT NULL,
    status            varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    working_days      integer      NOT NULL CHECK (working_days > 0),
    starts_on         date,
    ends_on           date,
    calendar_warning  varchar(500),
    created_by        varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    published_at      timestamptz,
    closed_at         timestamptz,
    version           integer      NOT NULL DEFAULT 0
);
CREATE INDEX notice_region_idx ON notice (region_code, status);

CREATE TABLE notice_item (
    id                bigserial PRIMARY KEY,
    notice_id         bigint       NOT NULL REFERENCES notice (id),
    position          integer      NOT NULL,
    subject_type      varchar(40)  NOT NULL,
    subject_id        bigint       NOT NULL,
    institution_name  varchar(200) NOT NULL,
    operator_name     varchar(200) NOT NULL,
    credit_code       varchar(18)  NOT NULL,
    kind              varchar(40)  NOT NULL,
    specialization    varchar(40),
    level             varchar(20)  NOT NULL,
    region_code       varchar(12)  NOT NULL,
    UNIQUE (notice_id, subject_type, subject_id)
);

CREATE TABLE notice_objection (
    id            bigserial PRIMARY KEY,
    notice_id     bigint        NOT NULL REFERENCES notice (id),
    item_id       bigint        NOT NULL REFERENCES notice_item (id),
    name          varchar(50)   NOT NULL,
    phone         varchar(20)   NOT NULL,
    content       varchar(2000) NOT NULL,
    lodged_at     timestamptz   NOT NULL,
    status        varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
    outcome       varchar(20) CHECK (outcome IN ('UPHELD', 'DISMISSED')),
    investigation varchar(2000),
    answer        varchar(2000),
    answered_by   varchar(64),
    answered_at   timestamptz,
    version       integer       NOT NULL DEFAULT 0
);
CREATE INDEX notice_objection_notice_idx ON notice_objection (notice_id, status);
