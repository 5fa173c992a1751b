-- The engine trusts no process variable for who a step acts on (docs/security.md, "Trust boundary"):
-- a case knows the root process instance that runs it, and every provider request knows its hold and the
-- execution that waits for the provider's answer. Delegates find the case, the hold and the placement here.
ALTER TABLE custody_case ADD COLUMN process_instance_id VARCHAR(64);
CREATE UNIQUE INDEX custody_case_process_instance ON custody_case (process_instance_id);

CREATE TABLE case_request (
  hold_id            BIGINT      NOT NULL PRIMARY KEY REFERENCES hold (id),
  case_id            BIGINT      NOT NULL REFERENCES custody_case (id),
  search_instance_id VARCHAR(64) NOT NULL,
  execution_id       VARCHAR(64)
);
CREATE INDEX case_request_search ON case_request (search_instance_id);
CREATE UNIQUE INDEX case_request_execution ON case_request (execution_id);
