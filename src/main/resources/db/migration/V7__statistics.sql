-- Facts the statistics need that the case table did not keep yet, and the mark of synthetic demo cases.
-- Portable SQL (H2 and PostgreSQL).

-- escalation level at the moment the child was placed: KREIS, VERBUND or STUFE_2
ALTER TABLE custody_case ADD COLUMN placement_level VARCHAR(16);
-- the first place category the case needed (first eligible category of the district search)
ALTER TABLE custody_case ADD COLUMN needed_category VARCHAR(40);
-- when the office decided on follow-up help (Anschlusshilfe) and its search began
ALTER TABLE custody_case ADD COLUMN follow_up_needed_at TIMESTAMP WITH TIME ZONE;
-- how many legal duties of the case became overdue ("Frist überschritten")
ALTER TABLE custody_case ADD COLUMN overdue_duties INTEGER DEFAULT 0 NOT NULL;
-- TRUE for cases made up by the synthetic-year demo generator; real cases are FALSE
ALTER TABLE custody_case ADD COLUMN synthetic BOOLEAN DEFAULT FALSE NOT NULL;

-- cases that were placed before this migration were placed at the level they had reached
UPDATE custody_case SET placement_level = escalation_level WHERE placed_at IS NOT NULL;

CREATE INDEX ix_case_start ON custody_case (custody_start);
