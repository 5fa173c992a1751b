// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.util.ArrayList;
import java.util.List;

/** What one replication counted in its measured window. */
final class Tally {

  long arrivals;
  long unplaced;
  final List<Double> waits = new ArrayList<>();
  double placeDays;
  int places;
  double days;

  double unplacedShare() {
    return arrivals == 0 ? 0 : (double) unplaced / arrivals;
  }

  /** Share of place-days taken by placements and open requests. */
  double utilisation() {
    return places == 0 || days <= 0 ? 0 : placeDays / (places * days);
  }
}
