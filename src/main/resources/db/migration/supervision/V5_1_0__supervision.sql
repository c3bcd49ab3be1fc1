-- 动态管理: rectification orders (整改通知) against a recognition, the operator's answer
-- with evidence (attachments, owner type rectification), the bureau's decision; and the
-- operator's condition-change reports (条件变化报告), flagged late past the pack's limit.
CREATE TABLE rectification_order (
    id                 bigserial PRIMARY KEY,
    recognition_id     bigint        NOT NULL,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    operator_name      varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    policy_id          varchar(100)  NOT NULL,
    reason             varchar(2000) NOT NULL,
    issued_on          date          NOT NULL,
    deadline           date          NOT NULL,
    status             varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'ACCEPTED', 'REJECTED', 'OVERDUE')),
    answer             varchar(4000),
    answered_by        varchar(64),
    answered_at        timestamptz,
    decision_note      varchar(2000),
    decided_by         varchar(64),
    decided_at         timestamptz,
    lapsed             boolean       NOT NULL DEFAULT false,
    issued_by          varchar(64)   NOT NULL,
    issued_role        varchar(30)   NOT NULL,
    issued_at          timestamptz   NOT NULL,
    version            integer       NOT NULL DEFAULT 0
);
CREATE INDEX rectification_region_idx ON rectification_order (region_code, status);
CREATE INDEX rectification_credit_idx ON rectification_order (credit_code);
CREATE INDEX rectification_open_idx ON rectification_order (deadline) WHERE status = 'OPEN';

CREATE TABLE condition_change (
    id                 bigserial PRIMARY KEY,
    recognition_id     bigint        NOT NULL,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    policy_id          varchar(100)  NOT NULL,
    kind               varchar(20)   NOT NULL CHECK (kind IN ('PREMISES', 'OPERATOR', 'SCOPE')),
    occurred_on        date          NOT NULL,
    reported_on        date          NOT NULL,
    description        varchar(2000) NOT NULL,
    limit_months       integer,
    late               boolean       NOT NULL,
    reported_by        varchar(64)   NOT NULL,
    reported_at        timestamptz   NOT NULL
);
CREATE INDEX condition_change_region_idx ON condition_change (region_code, reported_on DESC);
CREATE INDEX condition_change_credit_idx ON condition_change (credit_code);
