// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.PostgresIntegrationTest;

/** Idempotent intake on PostgreSQL, as in production. */
@PostgresIntegrationTest
class IntakeReplayPostgresIT extends IntakeReplayContract {}
