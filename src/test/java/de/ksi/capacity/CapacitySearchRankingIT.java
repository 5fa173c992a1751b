// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.testing.KsiIntegrationTest;

/**
 * The ranked search against the search before, on H2 (the demo registry and a larger generated
 * one).
 */
@KsiIntegrationTest
class CapacitySearchRankingIT extends RankedSearchContract {}
