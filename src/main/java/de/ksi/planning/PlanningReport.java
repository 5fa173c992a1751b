// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Places the network needs per category, pooled against each office alone, for one period of
 * observed demand. Aggregates only: rates, means, shares and place counts, never a case.
 *
 * @param syntheticCases cases of the period marked as synthetic (demo data); the figures rest on
 *     them if positive
 */
record PlanningReport(
    Instant at,
    LocalDate from,
    LocalDate to,
    double targetShare,
    long syntheticCases,
    Parameters parameters,
    List<CategoryPlan> categories,
    int poolingGainPlaces,
    BigDecimal poolingGainEuroPerDay) {

  /** The settings the figures were computed with. */
  public record Parameters(
      double networkDelayHours, double maxWaitHours, double stayCv, int minCases, long seed) {}

  /**
   * One category.
   *
   * @param arrivalsSource {@code RECORDED} from the tables or {@code ASSUMED} from the settings;
   *     likewise the others
   * @param offeredLoad arrivals per day times mean stay: the places a loss-free network would keep
   *     busy (Erlang)
   * @param requiredPooled places needed with the whole network sharing them
   * @param requiredAlone places needed if every office kept to its own ({@code requiredByOffice}
   *     summed)
   * @param erlangUnplacedNowPooled Erlang-B share unplaced with today's places, shared in the
   *     network
   * @param erlangUnplacedNowAlone Erlang-B share unplaced with today's places, each office alone
   */
  public record CategoryPlan(
      Category category,
      String label,
      long cases,
      String arrivalsSource,
      String staySource,
      String refusalSource,
      double arrivalsPerDay,
      Map<District, Double> arrivalsPerDayByOffice,
      double meanStayDays,
      double refusalShare,
      double meanResponseHours,
      double offeredLoad,
      int placesNow,
      Map<District, Integer> placesNowByOffice,
      int requiredPooled,
      Map<District, Integer> requiredByOffice,
      int requiredAlone,
      int poolingGainPlaces,
      BigDecimal costPerPlaceDay,
      BigDecimal poolingGainEuroPerDay,
      double erlangUnplacedNowPooled,
      double erlangUnplacedNowAlone,
      Simulated simulation,
      List<String> notes,
      Staffing staffing) {}

  /**
   * What missing staff takes away and what planned ends will bring, as input figures beside the
   * places today.
   *
   * @param lostPlaceNights place-nights of the period licensed and free but not staffed (reports of
   *     staffed places)
   * @param lostPlacesPerNight those place-nights per night of the period: places the network has on
   *     paper only
   * @param erlangUnplacedNowStaffed Erlang-B share unplaced with today's places less those lost per
   *     night, shared
   * @param expectedFree24h places of running placements planned to end within 24 hours (not free
   *     now)
   * @param expectedFree7d places of running placements planned to end within 7 days (not free now)
   */
  public record Staffing(
      int lostPlaceNights,
      double lostPlacesPerNight,
      double erlangUnplacedNowStaffed,
      int expectedFree24h,
      int expectedFree7d) {}

  /**
   * The simulation with today's places.
   *
   * @param arrivals {@code RECORDED} (the period replayed) or {@code SYNTHETIC} (a generated year)
   */
  public record Simulated(
      String arrivals,
      int replications,
      double days,
      double childrenPerRun,
      double unplacedShare,
      double unplacedShareCi95,
      double meanHoursToPlacement,
      double p90HoursToPlacement,
      double utilisation) {

    static Simulated of(SimulationModel model, SimulationResult r) {
      return new Simulated(
          model.recorded().isEmpty() ? "SYNTHETIC" : "RECORDED",
          r.replications(),
          model.horizonDays(),
          round(r.arrivalsPerRun(), 1),
          round(r.unplacedShare(), 4),
          round(r.unplacedShareCi95(), 4),
          round(r.meanHoursToPlacement(), 2),
          round(r.p90HoursToPlacement(), 2),
          round(r.utilisation(), 3));
    }
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
