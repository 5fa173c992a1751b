// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;
import java.util.List;

/**
 * One offer that fits a search, with the reasons why (German, shown to caseworkers).
 *
 * @param rank 1 for the best candidate
 * @param ageMinutes how old the free count is, in minutes
 * @param stale whether the free count is older than the freshness limit
 */
public record Candidate(
    int rank,
    long offerId,
    long providerId,
    String providerName,
    District district,
    String districtLabel,
    String phone24h,
    Category category,
    String categoryLabel,
    int free,
    int licensed,
    Instant reportedAt,
    long ageMinutes,
    boolean stale,
    boolean ownDistrict,
    List<String> reasons) {}
