-- HMAC-SM3 seal (电子印章) of each published assessment result (see assessment.ResultSeals),
-- with the id of the seal key. Sealed when the round is published; results of rounds
-- published before are sealed once at start.
ALTER TABLE assessment_result ADD COLUMN seal CHAR(64);
ALTER TABLE assessment_result ADD COLUMN seal_key_id INT;
