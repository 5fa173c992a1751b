-- Delivery bookkeeping of the notification outbox: a failing mail server never blocks a case; the
-- failure is recorded and the message retried with growing pauses.
ALTER TABLE notification ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN last_error VARCHAR(1000);
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
