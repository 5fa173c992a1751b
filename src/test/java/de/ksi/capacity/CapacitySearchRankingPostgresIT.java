// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.testing.PostgresIntegrationTest;

/** The ranked search against the search before, on PostgreSQL (a larger generated registry). */
@PostgresIntegrationTest
class CapacitySearchRankingPostgresIT extends RankedSearchContract {}
