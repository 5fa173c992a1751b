// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.PostgresIntegrationTest;

/**
 * Random actions and races on the case process, on PostgreSQL with its row locks, as in production.
 */
@PostgresIntegrationTest
class CaseProcessRandomPostgresIT extends CaseProcessRandom {}
