-- Titles that no policy pack of this system granted: those a bureau records from another
-- authority's document (外部认定: a national 备案 by the Ministry, a provincial title) and those the
-- higher level grants on a recommendation (推荐). Neither has a pack, so policy_id may be null; an
-- external title has a number only when the document gives one.
ALTER TABLE recognition ALTER COLUMN policy_id DROP NOT NULL;
ALTER TABLE recognition ALTER COLUMN number DROP NOT NULL;
ALTER TABLE recognition
    -- the title as the document or decision names it, e.g. 北京市众创空间, 国家级专业化众创空间备案
    ADD COLUMN designation            varchar(100),
    -- 文号 and date of the other authority's document, and its scan (attachment owner type
    -- external_title, category evidence)
    ADD COLUMN document_number        varchar(100),
    ADD COLUMN document_date          date,
    ADD COLUMN evidence_attachment_id bigint REFERENCES attachment (id),
    -- the recommendation (推荐) the title was granted on
    ADD COLUMN recommendation_id      bigint;
-- a title without a pack is either recorded from a document or granted on a recommendation;
-- a title without a number is one recorded from a document
ALTER TABLE recognition ADD CONSTRAINT recognition_basis_check
    CHECK (policy_id IS NOT NULL OR document_number IS NOT NULL OR recommendation_id IS NOT NULL);
ALTER TABLE recognition ADD CONSTRAINT recognition_number_check
    CHECK (number IS NOT NULL OR document_number IS NOT NULL);
