-- Idempotency keys of POST /api/cases: a client that repeats an intake (a retry after a timeout, a double
-- click) with the same key gets 409 naming the case already registered, instead of a second case.
-- Keys name no person; they are forgotten after a day.
CREATE TABLE intake_key (
  user_id         VARCHAR(100)  NOT NULL,
  idempotency_key VARCHAR(100)  NOT NULL,
  case_reference  VARCHAR(32),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_intake_key_created ON intake_key (created_at);
