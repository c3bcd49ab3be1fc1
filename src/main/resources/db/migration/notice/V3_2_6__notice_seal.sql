-- HMAC-SM3 seal (电子印章) of a published notice: its text, period, issuing authority and
-- list (see notice.NoticeSeals), with the id of the seal key. Sealed on publication and again
-- on withdrawal; notices published before are sealed once at start.
ALTER TABLE notice ADD COLUMN seal CHAR(64);
ALTER TABLE notice ADD COLUMN seal_key_id INT;
