// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.network.District;
import java.util.List;
import java.util.Map;

/**
 * What the simulation of one category runs on. Times in days unless named otherwise.
 *
 * @param arrivalsPerDay mean arrivals per day by the office where the child is
 * @param offers the places, one entry per offer with its district
 * @param recorded recorded arrivals to replay instead of synthetic ones (empty: synthetic from the
 *     rates)
 * @param meanStayDays mean length of stay in a place
 * @param stayCv coefficient of variation of the stay (log-normal; 0 = every stay exactly the mean)
 * @param meanResponseHours mean time a provider takes to answer a request (exponential; 0 = at
 *     once)
 * @param refusalShare probability that a provider declines a request
 * @param networkDelayHours time after arrival at which the search widens from the own district to
 *     the network
 * @param maxWaitHours a child without a place after this time counts as unplaced (emergency
 *     measure)
 * @param horizonDays days measured, after a warm-up in which the places fill up
 * @param seasonal whether synthetic arrivals come in waves over the year and peak at night
 */
record SimulationModel(
    Map<District, Double> arrivalsPerDay,
    List<Offer> offers,
    List<Arrival> recorded,
    double meanStayDays,
    double stayCv,
    double meanResponseHours,
    double refusalShare,
    double networkDelayHours,
    double maxWaitHours,
    int horizonDays,
    boolean seasonal) {

  SimulationModel {
    arrivalsPerDay = Map.copyOf(arrivalsPerDay);
    offers = List.copyOf(offers);
    recorded = List.copyOf(recorded);
  }

  /** Places of one offer in a district. */
  record Offer(District district, int places) {}

  /** A recorded arrival: days after the start of the measured period, and the office. */
  record Arrival(double day, District district) {}

  /** The closed loss system: immediate answers, no refusals, network-wide at once, no waiting. */
  static SimulationModel lossSystem(
      Map<District, Double> arrivalsPerDay,
      List<Offer> offers,
      double meanStayDays,
      double stayCv,
      int horizonDays) {
    return new SimulationModel(
        arrivalsPerDay, offers, List.of(), meanStayDays, stayCv, 0, 0, 0, 0, horizonDays, false);
  }

  SimulationModel withOffers(List<Offer> other) {
    return new SimulationModel(
        arrivalsPerDay,
        other,
        recorded,
        meanStayDays,
        stayCv,
        meanResponseHours,
        refusalShare,
        networkDelayHours,
        maxWaitHours,
        horizonDays,
        seasonal);
  }

  int totalPlaces() {
    return offers.stream().mapToInt(Offer::places).sum();
  }

  double totalArrivalsPerDay() {
    return arrivalsPerDay.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * Days simulated before measuring: three mean stays, at most a year, so the places are filled as
   * in steady state.
   */
  double warmupDays() {
    return Math.min(365, 3 * meanStayDays);
  }
}
