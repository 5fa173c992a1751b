// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.testing.PostgresIntegrationTest;

/** Special needs in the ranking and the offer API, on PostgreSQL. */
@PostgresIntegrationTest
class NeedsRankingPostgresIT extends NeedsRankingContract {}
