// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;

/**
 * An offer fitting a child where places are expected to come free (planned ends of placements); not
 * free now.
 *
 * @param within24h places expected free within the next 24 hours
 * @param within7d places expected free within the next 7 days (including those within 24 hours)
 * @param earliest the earliest planned end
 */
record VacancyAhead(
    long offerId,
    long providerId,
    String providerName,
    District district,
    String districtLabel,
    Category category,
    String categoryLabel,
    int within24h,
    int within7d,
    Instant earliest,
    boolean ownDistrict) {}
