// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.planning.PlanningProperties.CategoryAssumption;
import de.ksi.planning.SimulationModel.Arrival;
import de.ksi.planning.SimulationModel.Offer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures one category is planned with: recorded where the tables hold enough, assumed
 * otherwise, with a German note for every assumption made.
 */
record Estimate(
    Category category,
    long cases,
    boolean recordedArrivals,
    Map<District, Double> arrivalsPerDay,
    List<Arrival> recorded,
    int periodDays,
    double meanStayDays,
    boolean recordedStay,
    double refusalShare,
    boolean recordedRefusals,
    double meanResponseHours,
    boolean recordedResponses,
    List<Offer> offers,
    long emergencyMeasures,
    List<String> notes) {

  static Estimate of(Observation o, int periodDays, PlanningProperties settings) {
    CategoryAssumption assumed = settings.assumption(o.category);
    int min = settings.minCases();
    List<String> notes = new ArrayList<>();
    long cases = o.cases();
    boolean recordedArrivals = cases >= min;
    Map<District, Double> perDay = new EnumMap<>(District.class);
    for (District district : District.values()) {
      perDay.put(
          district,
          recordedArrivals
              ? o.arrivals.getOrDefault(district, 0L) / (double) periodDays
              : assumed.arrivalsPerYear()
                  * settings.districtShares().getOrDefault(district, 0.0)
                  / 365);
    }
    if (!recordedArrivals) {
      notes.add(
          "Zu wenige erfasste Fälle (%d, mindestens %d): Ankunftsrate angenommen (%s Fälle im Jahr im Verbund)."
              .formatted(cases, min, Math.round(assumed.arrivalsPerYear())));
    }
    boolean recordedStay = o.staysEnded >= min;
    double stay = recordedStay ? o.placeDays / o.staysEnded : assumed.meanStayDays();
    if (!recordedStay) {
      notes.add(
          "Zu wenige beendete Belegungen (%d): Verweildauer angenommen (%s Tage)."
              .formatted(o.staysEnded, Math.round(assumed.meanStayDays())));
    }
    long decided = o.accepted + o.refused;
    boolean recordedRefusals = decided >= min;
    double refusal =
        recordedRefusals ? Math.min(0.95, (double) o.refused / decided) : settings.refusalShare();
    boolean recordedResponses = o.answers >= min;
    double response =
        recordedResponses
            ? o.responseHours / o.answers
            : settings.meanResponse().toMinutes() / 60.0;
    if (!recordedRefusals || !recordedResponses) {
      notes.add(
          "Zu wenige beantwortete Anfragen (%d): Ablehnungsquote und Antwortzeit teils angenommen."
              .formatted(decided));
    }
    List<Offer> offers = o.offers.stream().filter(offer -> offer.places() > 0).toList();
    return new Estimate(
        o.category,
        cases,
        recordedArrivals,
        perDay,
        recordedArrivals ? o.recorded : List.of(),
        periodDays,
        stay,
        recordedStay,
        refusal,
        recordedRefusals,
        response,
        recordedResponses,
        offers,
        o.emergencyMeasures,
        List.copyOf(notes));
  }

  Map<District, Double> loads() {
    Map<District, Double> loads = new EnumMap<>(District.class);
    arrivalsPerDay.forEach((district, rate) -> loads.put(district, rate * meanStayDays));
    return loads;
  }

  double totalArrivalsPerDay() {
    return arrivalsPerDay.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * The simulation model: the recorded period replayed, or a synthetic year with waves and night
   * peaks.
   */
  SimulationModel model(PlanningProperties settings, List<Offer> withOffers) {
    boolean replay = recordedArrivals;
    return new SimulationModel(
        arrivalsPerDay,
        withOffers,
        replay ? recorded : List.of(),
        meanStayDays,
        settings.stayCv(),
        meanResponseHours,
        refusalShare,
        settings.networkDelay().toMinutes() / 60.0,
        settings.maxWait().toMinutes() / 60.0,
        replay ? periodDays : settings.horizonDays(),
        !replay);
  }
}
