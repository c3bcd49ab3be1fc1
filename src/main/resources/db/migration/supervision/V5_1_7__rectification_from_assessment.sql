-- A failing or missed assessment opens a rectification order by itself where the pack says
-- so (seed 000 第九条; seed 004 限期整改): the order remembers the round it came from, one per
-- round and recognition, so a redelivered publication event opens nothing twice.
ALTER TABLE rectification_order ADD COLUMN assessment_round_id bigint;
CREATE UNIQUE INDEX rectification_assessment_uq ON rectification_order (assessment_round_id, recognition_id)
    WHERE assessment_round_id IS NOT NULL;
