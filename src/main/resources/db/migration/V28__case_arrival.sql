-- The provider's side of an accepted request (issue #18): the accepting provider prepares the child's arrival
-- and confirms it; the caseworker sees the confirmation in the case view. No personal data: who confirmed
-- (a login) and when.
CREATE TABLE case_arrival (
  case_id        BIGINT       NOT NULL PRIMARY KEY REFERENCES custody_case (id),
  placement_id   BIGINT       NOT NULL REFERENCES placement (id),
  provider_group VARCHAR(64)  NOT NULL,
  expected_since TIMESTAMP WITH TIME ZONE NOT NULL,
  arrived_at     TIMESTAMP WITH TIME ZONE,
  confirmed_by   VARCHAR(64),
  reminded_at    TIMESTAMP WITH TIME ZONE
);
