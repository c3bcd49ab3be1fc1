-- Expert scoring of assessment results: a result may have an expert panel (expert module,
-- subject type assessment_result); once its scores are revealed the experts' mean per
-- indicator is the result's score. The bureau's own scores are kept next to it.
ALTER TABLE assessment_result
    ADD COLUMN score_source    varchar(10),
    ADD COLUMN bureau_scores   varchar(1000),
    ADD COLUMN expert_panel_id bigint,
    ADD COLUMN expert_count    integer;

UPDATE assessment_result SET score_source = 'BUREAU', bureau_scores = scores WHERE grade IS NOT NULL;

ALTER TABLE assessment_result
    ADD CONSTRAINT assessment_result_source_check CHECK (score_source IN ('BUREAU', 'EXPERTS'));
