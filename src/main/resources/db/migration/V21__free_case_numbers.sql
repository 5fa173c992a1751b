-- Case numbers are taken from a pool of free numbers per office and year (CaseNumbers): an intake locks and
-- removes only its own number until it commits, so intakes of one office no longer wait for each other, and a
-- number whose intake fails goes back to the pool. case_counter.last_number is now the highest number put into
-- the pool of case_year; numbers from last_number + 1 on are added when the pool is empty.
CREATE TABLE case_number_free (
  office     VARCHAR(32) NOT NULL,
  case_year  INTEGER     NOT NULL,
  number     INTEGER     NOT NULL,
  PRIMARY KEY (office, case_year, number)
);
