-- Official holiday schedules loaded by an administrator (the State Council publishes next year's
-- each autumn). Years shipped with the application (2024–2026) need no row; a row overrides them.
CREATE TABLE holiday_schedule (
  year        INT PRIMARY KEY,
  source_json TEXT NOT NULL,
  loaded_at   TIMESTAMPTZ NOT NULL,
  loaded_by   TEXT NOT NULL
);
