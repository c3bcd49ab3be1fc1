-- 后补助 分类、分阶段 (seed 002 四(一)): what a programme pays (subject) and at which stage.
-- subject TITLE: institutions holding a title (a filed or recognized space, an incubator);
-- pilot chains and clusters (孵化链条试点、众创集聚区) are further subjects once their module
-- exists: it widens this CHECK and gives its awards a subject of their own.
-- stage FILING_YEAR (按认定 only): only titles granted in the programme's year (备案当年);
-- NULL: every ACTIVE title. The later stages are programmes on each year's assessment round.
ALTER TABLE subsidy_programme
    ADD COLUMN subject varchar(20) NOT NULL DEFAULT 'TITLE' CHECK (subject IN ('TITLE')),
    ADD COLUMN stage   varchar(20) CHECK (stage IN ('FILING_YEAR')),
    ADD CONSTRAINT subsidy_programme_stage_basis CHECK (stage IS NULL OR basis = 'ON_RECOGNITION');
