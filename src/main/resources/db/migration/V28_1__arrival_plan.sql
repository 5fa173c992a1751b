-- The caseworker announces the arrival to the accepting provider: when the child is expected and who brings it.
ALTER TABLE case_arrival ADD COLUMN expected_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_arrival ADD COLUMN escort VARCHAR(200);
ALTER TABLE case_arrival ADD COLUMN planned_by VARCHAR(64);
