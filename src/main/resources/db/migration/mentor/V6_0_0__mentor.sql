-- 创业导师认定 (seed 002 三(五)): a mentor nominated by an operator from its mentor records, or
-- applying through an operator's account (自荐), for one institution; certified, refused,
-- revoked or lapsed by the province whose region holds the institution.
-- id_number and phone are SM4-encrypted (sm4g1:…, random nonce), so the uniqueness of an
-- active certificate per person is kept on id_number_index: the HMAC-SM3 (hex) of the
-- normalised ID number under a key outside the database (MentorIdIndex).
CREATE TABLE mentor_certification (
    id                     bigserial PRIMARY KEY,
    origin                 varchar(20)  NOT NULL CHECK (origin IN ('NOMINATION', 'APPLICATION')),
    operator_id            bigint       NOT NULL,
    operator_name          varchar(200) NOT NULL,
    operator_mentor_id     bigint,
    institution_id         bigint       NOT NULL,
    institution_name       varchar(200) NOT NULL,
    region_code            varchar(12)  NOT NULL,
    province_code          varchar(12)  NOT NULL,
    name                   varchar(50)  NOT NULL,
    id_number              text         NOT NULL,
    id_number_index        varchar(64)  NOT NULL,
    phone                  text         NOT NULL,
    field                  varchar(100) NOT NULL,
    employer               varchar(100) NOT NULL,
    experience             varchar(4000) NOT NULL,
    evidence_attachment_id bigint,
    status                 varchar(20)  NOT NULL CHECK (status IN ('PENDING', 'CERTIFIED', 'REFUSED', 'REVOKED', 'LAPSED')),
    submitted_by           varchar(64)  NOT NULL,
    submitted_at           timestamptz  NOT NULL,
    certificate_number     varchar(60)  UNIQUE,
    certified_on           date,
    valid_until            date,
    decided_by             varchar(64),
    decided_at             timestamptz,
    refusal_reason         varchar(1000),
    ended_on               date,
    end_reason             varchar(1000),
    ended_by               varchar(64),
    version                integer      NOT NULL DEFAULT 0,
    CHECK ((status IN ('CERTIFIED', 'REVOKED', 'LAPSED')) = (certificate_number IS NOT NULL)),
    CHECK (certificate_number IS NULL OR (certified_on IS NOT NULL AND valid_until IS NOT NULL AND valid_until >= certified_on)),
    CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
    CHECK ((status IN ('REVOKED', 'LAPSED')) = (ended_on IS NOT NULL))
);
-- A person holds at most one active certificate: two concurrent certifications of the same
-- ID number cannot both commit.
CREATE UNIQUE INDEX mentor_active_person_uq ON mentor_certification (id_number_index) WHERE status = 'CERTIFIED';
CREATE INDEX mentor_certification_region_idx ON mentor_certification (region_code, submitted_at DESC);
CREATE INDEX mentor_certification_operator_idx ON mentor_certification (operator_id);
CREATE INDEX mentor_certification_lapse_idx ON mentor_certification (valid_until) WHERE status = 'CERTIFIED';

-- The last certificate number given per province and year (the sequence of 苏创导〔2026〕001号).
CREATE TABLE mentor_certificate_counter (
    province_code varchar(12) NOT NULL,
    year          integer     NOT NULL,
    last_number   integer     NOT NULL,
    PRIMARY KEY (province_code, year)
);

-- HMAC-SM3 of a fixed text under the index key: at start a different key (a lost or new
-- key file) is detected and the index is recomputed from the decrypted ID numbers.
CREATE TABLE mentor_index_key_check (
    id    integer PRIMARY KEY CHECK (id = 1),
    check_value varchar(64) NOT NULL
);
