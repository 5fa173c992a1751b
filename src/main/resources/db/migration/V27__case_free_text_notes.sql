-- Free texts that left the process variables (issue #16): the place a caseworker named outside the registry
-- (phone placement, level-2 measure) and the handover note, AES-GCM encrypted like the personal columns.
ALTER TABLE custody_case ADD COLUMN placement_note VARCHAR(8000);
ALTER TABLE custody_case ADD COLUMN handover_note VARCHAR(8000);
