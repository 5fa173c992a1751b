-- The places a candidate search found, as the choice form's options (issue #22, decision 3: process variables are
-- references and what the models' gateways and decisions read, nothing else). Until now they were the JSON variable
-- "candidates" of the search instance, written with its history three times per search (runtime, instance and
-- detail); the form reads them from here through the task's form variables (CaseFormVariables), as it reads
-- candidate_summary. A search that ran before this column existed keeps its variable.
--   candidate_options  JSON array of {"value": offer id, "label": rank, provider, district, category, free places,
--                      needs met, 24-hour phone}, best first; NULL before the search ran
ALTER TABLE place_search ADD COLUMN candidate_options VARCHAR(32000);
