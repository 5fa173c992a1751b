-- The place search (Availability) sums the active holds (status HELD, not yet expired) of all offers in one
-- pass and joins them by offer. Active holds are few, but the hold table keeps every request ever made, and an
-- elapsed hold even stays HELD (it stops counting by its expires_at alone). Without this index PostgreSQL reads
-- all of ix_hold_offer_active to find the active ones (300,000 old holds: 15 ms per search; with it: 2 ms).
CREATE INDEX ix_hold_status_expiry ON hold (status, expires_at);
