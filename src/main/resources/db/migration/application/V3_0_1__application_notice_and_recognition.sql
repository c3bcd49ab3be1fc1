-- The public notice an application is on (the pack's notice stage waits for it to close)
-- and the recognition that ends it.
ALTER TABLE application DROP CONSTRAINT application_status_check;
ALTER TABLE application ADD CONSTRAINT application_status_check
  CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'RECOGNIZED', 'REJECTED', 'WITHDRAWN'));
ALTER TABLE application ADD COLUMN notice_id BIGINT;
ALTER TABLE application ADD COLUMN recognition_number TEXT;

ALTER TABLE application_decision DROP CONSTRAINT application_decision_decision_check;
ALTER TABLE application_decision ADD CONSTRAINT application_decision_decision_check
  CHECK (decision IN ('CREATE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'NOTICE',
    'PANEL', 'RECOGNIZE'));
