-- Spring Modulith event publication registry: events survive a crash and are republished.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Cluster-wide locks for scheduled jobs: a job runs on one node at a time.
CREATE TABLE job_lock (
  name        TEXT PRIMARY KEY,
  locked_until TIMESTAMPTZ NOT NULL,
  locked_at   TIMESTAMPTZ NOT NULL,
  locked_by   TEXT NOT NULL
);
