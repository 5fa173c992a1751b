// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.testing.PostgresIntegrationTest;

/** Concurrent case numbers on PostgreSQL, as in production. */
@PostgresIntegrationTest
class CaseNumbersPostgresIT extends ConcurrentCaseNumbers {}
