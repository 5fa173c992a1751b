// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.testing.PostgresIntegrationTest;

/**
 * The case view's JSON on PostgreSQL, as in production (its engine reads run in a read-only
 * transaction).
 */
@PostgresIntegrationTest
class CaseOverviewPostgresIT extends CaseOverviewContract {}
