-- HMAC-SM3 seal (电子印章) of each decision: the seal of the canonical text of its binding
-- fields (see audit.SealText and application.DecisionSeals) and the id of the seal key it was
-- made under, so keys can rotate. Rows from before are sealed once at start.
ALTER TABLE application_decision ADD COLUMN seal CHAR(64);
ALTER TABLE application_decision ADD COLUMN seal_key_id INT;
