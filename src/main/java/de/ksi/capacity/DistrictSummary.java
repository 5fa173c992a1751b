// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;
import java.util.List;

/**
 * Free places of one district, per category, with how fresh the figures are: one row of the
 * Lagebild. The places lacking staff and the places expected free are shown apart and never counted
 * in {@code free}.
 */
public record DistrictSummary(
    District district,
    String label,
    int free,
    int freeFresh,
    List<CategoryFigures> categories,
    int lackingStaff,
    int expectedIn24h,
    int expectedIn7d) {

  /**
   * Figures of one category in one district.
   *
   * @param free free places in all offers
   * @param freeFresh free places in offers whose report is not stale
   * @param staleOffers offers whose report is older than the freshness limit
   * @param oldestReport the oldest report among the offers
   * @param lackingStaff places free but not staffed tonight (free had staff limited nothing, minus
   *     {@code free})
   * @param expectedIn24h places of running placements planned to end within 24 hours (or already
   *     overdue)
   * @param expectedIn7d places of running placements planned to end within 7 days (including those
   *     within 24 hours)
   */
  public record CategoryFigures(
      Category category,
      String label,
      int offers,
      int free,
      int freeFresh,
      int staleOffers,
      Instant oldestReport,
      Instant newestReport,
      int lackingStaff,
      int expectedIn24h,
      int expectedIn7d) {}
}
