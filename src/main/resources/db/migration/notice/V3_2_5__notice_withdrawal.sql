-- 撤回公示: a published notice may be withdrawn by the bureau with a reason; its items
-- leave the notice and may be listed on a new one.
ALTER TABLE notice DROP CONSTRAINT notice_status_check;
ALTER TABLE notice ADD CONSTRAINT notice_status_check
  CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED', 'WITHDRAWN'));
ALTER TABLE notice ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE notice ADD COLUMN withdrawn_by varchar(64);
ALTER TABLE notice ADD COLUMN withdrawal_reason varchar(500);
ALTER TABLE notice ADD CONSTRAINT notice_withdrawal_reason_check
  CHECK (status <> 'WITHDRAWN' OR (withdrawal_reason IS NOT NULL AND withdrawn_at IS NOT NULL));
