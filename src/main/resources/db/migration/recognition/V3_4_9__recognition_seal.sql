-- HMAC-SM3 seal (电子印章) of each recognition decision (认定, and its revocation or lapse):
-- the seal of the canonical text of its binding fields (see recognition.RecognitionRecords)
-- and the id of the seal key. Sealed on every decision; rows from before are sealed once at
-- start.
ALTER TABLE recognition ADD COLUMN seal CHAR(64);
ALTER TABLE recognition ADD COLUMN seal_key_id INT;
