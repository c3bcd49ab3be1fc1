-- Accounts. Every account belongs to exactly one role and one region (its data scope).
CREATE TABLE user_account (
  id                   BIGSERIAL PRIMARY KEY,
  username             TEXT NOT NULL,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('OPERATOR', 'COUNTY_REVIEWER', 'CITY_BUREAU', 'PROVINCE', 'EXPERT', 'AUDITOR', 'ADMIN')),
  region_code          CHAR(6) NOT NULL REFERENCES region (code),
  organization         TEXT,
  phone                TEXT,
  enabled              BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts      INT NOT NULL DEFAULT 0,
  locked_until         TIMESTAMPTZ,
  password_changed_at  TIMESTAMPTZ NOT NULL,
  must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
  last_login_at        TIMESTAMPTZ,
  created_at           TIMESTAMPTZ NOT NULL,
  version              INT NOT NULL DEFAULT 0
);
-- Login names are unique regardless of case: 'Admin' and 'admin' are the same person.
CREATE UNIQUE INDEX user_account_username_uq ON user_account (lower(username));
CREATE INDEX user_account_region_idx ON user_account (region_code);
