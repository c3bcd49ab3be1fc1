-- 不参加考核: the bureau marks an institution of an open round that did not take part. It is
-- published as such (no scores, no grade); under a pack that says so (Chaoyang 第九条) a
-- rectification order follows, as for a failing grade.
ALTER TABLE assessment_result ADD COLUMN not_assessed boolean NOT NULL DEFAULT false;
