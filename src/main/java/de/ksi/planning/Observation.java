// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.planning.SimulationModel.Arrival;
import de.ksi.planning.SimulationModel.Offer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the tables say about one category in a period: counts and sums only, never a case. */
final class Observation {

  final Category category;
  final Map<District, Long> arrivals = new EnumMap<>(District.class);
  final List<Arrival> recorded = new ArrayList<>();
  final List<Offer> offers = new ArrayList<>();
  long emergencyMeasures;
  long staysEnded;
  double placeDays;
  long accepted;
  long refused;
  long answers;
  double responseHours;

  Observation(Category category) {
    this.category = category;
  }

  void arrival(District office, double day) {
    arrivals.merge(office, 1L, Long::sum);
    recorded.add(new Arrival(day, office));
  }

  long cases() {
    return arrivals.values().stream().mapToLong(Long::longValue).sum();
  }

  Map<District, Integer> placesByOffice() {
    Map<District, Integer> places = new EnumMap<>(District.class);
    offers.forEach(o -> places.merge(o.district(), o.places(), Integer::sum));
    return places;
  }

  int places() {
    return offers.stream().mapToInt(Offer::places).sum();
  }
}
