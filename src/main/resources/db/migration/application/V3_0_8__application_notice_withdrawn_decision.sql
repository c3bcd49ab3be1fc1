-- The notice an application was on was withdrawn: it waits at the notice stage again,
-- recorded in its history as NOTICE_WITHDRAWN.
ALTER TABLE application_decision DROP CONSTRAINT application_decision_decision_check;
ALTER TABLE application_decision ADD CONSTRAINT application_decision_decision_check
  CHECK (decision IN ('CREATE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'NOTICE',
    'PANEL', 'RECOGNIZE', 'FRAUD', 'NOTICE_WITHDRAWN'));
