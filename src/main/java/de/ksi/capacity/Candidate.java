// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One offer that fits a search, with the reasons why (German, shown to caseworkers).
 *
 * @param rank 1 for the best candidate
 * @param ageMinutes how old the free count is, in minutes
 * @param stale whether the free count is older than the freshness limit
 * @param needsMet the child's special needs the offer meets
 * @param needsUnmet the child's special needs it does not meet (both empty if the child has none)
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
    List<String> reasons,
    Set<Need> needsMet,
    Set<Need> needsUnmet) {

  public Candidate {
    reasons = List.copyOf(reasons);
    needsMet = Set.copyOf(needsMet);
    needsUnmet = Set.copyOf(needsUnmet);
  }

  /** Whether the offer meets every special need of the child (true if the child has none). */
  public boolean meetsAllNeeds() {
    return needsUnmet.isEmpty();
  }
}
