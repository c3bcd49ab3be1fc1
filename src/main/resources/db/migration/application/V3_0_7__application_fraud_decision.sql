-- Fraud found during review: the application is rejected with the finding, recorded in its
-- history as FRAUD (the sanction itself lives in the sanction module).
ALTER TABLE application_decision DROP CONSTRAINT application_decision_decision_check;
ALTER TABLE application_decision ADD CONSTRAINT application_decision_decision_check
  CHECK (decision IN ('CREATE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'NOTICE',
    'PANEL', 'RECOGNIZE', 'FRAUD'));
