-- Fraud found during review (seed 000 第十条 在认定…过程中; seed 003 四(一)3 申报材料存虚假):
-- a finding may be recorded against an application instead of a recognition. Its subject is
-- then the application (one finding per application); no title to revoke, the pack's ban
-- applies to the operator's credit code all the same.
ALTER TABLE sanction
    ALTER COLUMN recognition_id DROP NOT NULL,
    ALTER COLUMN recognition_number DROP NOT NULL,
    ADD COLUMN application_id bigint UNIQUE;

ALTER TABLE sanction
    ADD CONSTRAINT sanction_subject_check CHECK (
        (recognition_id IS NULL) <> (application_id IS NULL)
        AND (recognition_id IS NULL) = (recognition_number IS NULL));
