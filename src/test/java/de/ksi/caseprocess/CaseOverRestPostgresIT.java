// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.PostgresIntegrationTest;

/** A whole case over REST on PostgreSQL, as in production. */
@PostgresIntegrationTest
class CaseOverRestPostgresIT extends WholeCaseOverRest {}
