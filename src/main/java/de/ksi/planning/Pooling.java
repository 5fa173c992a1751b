// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.network.District;
import java.util.EnumMap;
import java.util.Map;

/**
 * Places one category needs so that at most the target share of children finds none: pooled (any
 * child may take any place in the network) against each office alone (a child only takes places in
 * its own district).
 *
 * @param pooled places the network needs together, for the summed load
 * @param alone places each office would need for its own load
 */
record Pooling(double load, int pooled, Map<District, Integer> alone) {

  static Pooling of(Map<District, Double> loads, double targetShare) {
    Map<District, Integer> alone = new EnumMap<>(District.class);
    double total = 0;
    for (District district : District.values()) {
      double load = loads.getOrDefault(district, 0.0);
      alone.put(district, ErlangB.requiredPlaces(load, targetShare));
      total += load;
    }
    return new Pooling(total, ErlangB.requiredPlaces(total, targetShare), alone);
  }

  int aloneTotal() {
    return alone.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Places the network saves by pooling; never negative, since the loss system gains from scale.
   */
  int gain() {
    return aloneTotal() - pooled;
  }

  /**
   * Share of the offices' children that find no place in their own district, each office with its
   * places alone.
   */
  static double aloneBlocking(Map<District, Double> loads, Map<District, Integer> places) {
    double total = 0;
    double lost = 0;
    for (District district : District.values()) {
      double load = loads.getOrDefault(district, 0.0);
      total += load;
      lost += load * ErlangB.blocking(load, places.getOrDefault(district, 0));
    }
    return total == 0 ? 0 : lost / total;
  }
}
