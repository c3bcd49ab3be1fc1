-- In-app notifications: one row per recipient, written in the transaction of the change that caused it.
CREATE TABLE notification (
  id           BIGSERIAL PRIMARY KEY,
  recipient_id BIGINT NOT NULL REFERENCES user_account (id),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body         TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
  link         TEXT CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%')),
  created_at   TIMESTAMPTZ NOT NULL,
  read_at      TIMESTAMPTZ,
  version      INT NOT NULL DEFAULT 0
);
CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;

-- Where a user wants notifications by e-mail (set on 通知设置); kept here, not on user_account.
CREATE TABLE notification_email (
  user_id    BIGINT PRIMARY KEY REFERENCES user_account (id),
  email      TEXT NOT NULL CHECK (length(email) <= 254),
  updated_at TIMESTAMPTZ NOT NULL,
  version    INT NOT NULL DEFAULT 0
);
