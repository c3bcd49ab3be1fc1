-- Expert pool, review panels drawn from it, exclusions (conflicts of interest) and sealed scores.
CREATE TABLE expert (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code        VARCHAR(6)   NOT NULL,
    name               VARCHAR(50)  NOT NULL,
    fields             TEXT[]       NOT NULL,
    employer           VARCHAR(100) NOT NULL,
    title              VARCHAR(50),
    phone              VARCHAR(20),
    user_id            BIGINT UNIQUE,
    active             BOOLEAN      NOT NULL DEFAULT TRUE,
    declared_conflicts TEXT[]       NOT NULL DEFAULT '{}',
    created_at         TIMESTAMPTZ  NOT NULL,
    version            INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX expert_region ON expert (region_code, active);

CREATE TABLE expert_panel (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_type         VARCHAR(40)  NOT NULL,
    subject_id           VARCHAR(64)  NOT NULL,
    title                VARCHAR(200) NOT NULL,
    region_code          VARCHAR(6)   NOT NULL,
    operator_name        VARCHAR(100) NOT NULL,
    operator_credit_code VARCHAR(18),
    employers            TEXT[]       NOT NULL DEFAULT '{}',
    mentors              TEXT[]       NOT NULL DEFAULT '{}',
    investors            TEXT[]       NOT NULL DEFAULT '{}',
    tenants              TEXT[]       NOT NULL DEFAULT '{}',
    fields               TEXT[]       NOT NULL DEFAULT '{}',
    sheet                JSONB        NOT NULL,
    seed                 BIGINT       NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    drawn_by             VARCHAR(64)  NOT NULL,
    drawn_at             TIMESTAMPTZ  NOT NULL,
    revealed_at          TIMESTAMPTZ,
    version              INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX expert_panel_region ON expert_panel (region_code);
CREATE INDEX expert_panel_subject ON expert_panel (subject_type, subject_id);

CREATE TABLE expert_panel_member (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id            BIGINT      NOT NULL REFERENCES expert_panel (id),
    expert_id           BIGINT      NOT NULL REFERENCES expert (id),
    position            INTEGER     NOT NULL,
    status              VARCHAR(20) NOT NULL,
    scores              JSONB,
    opinion             TEXT,
    inspected_on        DATE,
    inspection_place    VARCHAR(200),
    inspection_findings TEXT,
    decline_reason      VARCHAR(200),
    submitted_at        TIMESTAMPTZ,
    version             INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (panel_id, expert_id),
    UNIQUE (panel_id, position)
);

CREATE TABLE expert_panel_exclusion (
    panel_id  BIGINT       NOT NULL REFERENCES expert_panel (id),
    expert_id BIGINT       NOT NULL REFERENCES expert (id),
    reason    VARCHAR(300) NOT NULL,
    PRIMARY KEY (panel_id, expert_id)
);
