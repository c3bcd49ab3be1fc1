-- Revocation (撤销, fraud) or lapse (失效, the pack's lapse rule): why, the public announcement,
-- when the plaque is to be removed (摘牌), who decided and when.
ALTER TABLE recognition
    ADD COLUMN ended_on          date,
    ADD COLUMN end_reason        varchar(1000),
    ADD COLUMN announcement      varchar(4000),
    ADD COLUMN plaque_removal_on date,
    ADD COLUMN ended_by          varchar(64),
    ADD COLUMN ended_at          timestamptz;
CREATE INDEX recognition_ended_idx ON recognition (ended_on DESC) WHERE status <> 'ACTIVE';
CREATE INDEX recognition_credit_idx ON recognition (credit_code);
