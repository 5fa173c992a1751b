-- What a place search was started to do (issue #22, decision 3: process variables are references and what the
-- models' gateways and decisions read, nothing else): the case model's call activity names the scope, the group
-- that chooses, the categories and the providers' response deadline; the search's start listener records them
-- here, bound to the search's process instance, and its steps, its choice task's candidate group and its timer
-- read them from here (PlaceSearchOrders), not from variables a user working a task could change.
--   scope              DISTRICT (the case's own district) or NETWORK (the five offices)
--   candidate_group    the group whose task "Platz auswählen und anfragen" is
--   categories         the place categories searched, best first, comma-separated
--   response_deadline  ISO-8601 duration a provider has to answer a request, e.g. PT30M
--   candidate_summary  what the last candidate search found, as Markdown for the choice form (the child's
--                      pseudonymised profile and the ranked places with their reasons); NULL before it ran
CREATE TABLE place_search (
  search_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  case_id            BIGINT       NOT NULL REFERENCES custody_case (id),
  scope              VARCHAR(16)  NOT NULL,
  candidate_group    VARCHAR(64)  NOT NULL,
  categories         VARCHAR(500) NOT NULL,
  response_deadline  VARCHAR(32)  NOT NULL,
  started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  candidate_summary  VARCHAR(32000),
  CONSTRAINT ck_place_search_scope CHECK (scope IN ('DISTRICT', 'NETWORK'))
);
CREATE INDEX ix_place_search_case ON place_search (case_id);
