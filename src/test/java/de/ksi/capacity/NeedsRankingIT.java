// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.testing.KsiIntegrationTest;

/** Special needs in the ranking and the offer API, on H2. */
@KsiIntegrationTest
class NeedsRankingIT extends NeedsRankingContract {}
