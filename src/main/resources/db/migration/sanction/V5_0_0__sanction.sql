-- 处罚: a fraud finding against a recognition and what the pack makes of it: the title
-- revoked, a ban on applying keyed by the operator's credit code (ban_ends_on inclusive;
-- no ban when the pack sets no length), subsidies to be recovered (a line, no subsidy
-- module yet).
CREATE TABLE sanction (
    id                 bigserial PRIMARY KEY,
    recognition_id     bigint        NOT NULL UNIQUE,
    recognition_number varchar(60)   NOT NULL,
    institution_name   varchar(200)  NOT NULL,
    operator_name      varchar(200)  NOT NULL,
    credit_code        varchar(18)   NOT NULL,
    region_code        varchar(12)   NOT NULL,
    policy_id          varchar(100)  NOT NULL,
    finding            varchar(2000) NOT NULL,
    found_on           date          NOT NULL,
    title_revoked      boolean       NOT NULL,
    ban_years          integer,
    ban_starts_on      date,
    ban_ends_on        date,
    recovery           varchar(1000),
    basis              varchar(1000),
    recorded_by        varchar(64)   NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    version            integer       NOT NULL DEFAULT 0,
    CHECK ((ban_years IS NULL) = (ban_ends_on IS NULL) AND (ban_starts_on IS NULL) = (ban_ends_on IS NULL))
);
CREATE INDEX sanction_ban_idx ON sanction (credit_code, ban_ends_on);
CREATE INDEX sanction_region_idx ON sanction (region_code, found_on DESC);
