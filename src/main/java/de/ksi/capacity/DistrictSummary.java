// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;
import java.util.List;

/** Free places of one district, per category, with how fresh the figures are: one row of the Lagebild. */
public record DistrictSummary(District district, String label, int free, int freeFresh, List<CategoryFigures> categories) {

  /**
   * Figures of one category in one district.
   *
   * @param free free places in all offers
   * @param freeFresh free places in offers whose report is not stale
   * @param staleOffers offers whose report is older than the freshness limit
   * @param oldestReport the oldest report among the offers
   */
  public record CategoryFigures(
      Category category,
      String label,
      int offers,
      int free,
      int freeFresh,
      int staleOffers,
      Instant oldestReport,
      Instant newestReport) {}
}
