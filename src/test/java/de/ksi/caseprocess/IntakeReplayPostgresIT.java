package de.ksi.caseprocess;

import de.ksi.testing.PostgresIntegrationTest;

/** Idempotent intake on PostgreSQL, as in production. */
@PostgresIntegrationTest
class IntakeReplayPostgresIT extends IntakeReplayContract {}
