// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.planning.PlanningReport.Simulated;
import java.util.List;

/**
 * "N more places of a category in a district": the simulated outcome before and after, with the
 * same random numbers, and the Erlang-B shares where the loss model applies (whole network; the
 * district alone).
 */
record WhatIf(
    Category category,
    String categoryLabel,
    District district,
    String districtLabel,
    int additionalPlaces,
    int placesBefore,
    int placesAfter,
    int placesInDistrictBefore,
    int placesInDistrictAfter,
    Simulated before,
    Simulated after,
    Erlang erlang,
    String arrivalsSource,
    List<String> notes) {

  /**
   * Erlang-B share of children without a place: network pooled, and the district's own children in
   * its own places.
   */
  public record Erlang(
      double pooledBefore,
      double pooledAfter,
      double districtAloneBefore,
      double districtAloneAfter) {}
}
