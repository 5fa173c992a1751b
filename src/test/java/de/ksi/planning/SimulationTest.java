// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.ksi.network.District;
import de.ksi.planning.SimulationModel.Offer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The discrete-event simulation against the closed form, and the behaviour a planner relies on. */
class SimulationTest {

  private static final Map<District, Double> TWO_OFFICES =
      Map.of(District.SEGEBERG, 1.2, District.STORMARN, 0.8);
  private static final List<Offer> TWELVE_PLACES =
      List.of(
          new Offer(District.SEGEBERG, 5),
          new Offer(District.SEGEBERG, 3),
          new Offer(District.STORMARN, 4));

  /**
   * Immediate answers, no refusals, no waiting: the loss system M/G/c/c, whose blocking is Erlang-B
   * for any stay.
   */
  @ParameterizedTest(name = "stay variation {0}")
  @ValueSource(doubles = {0.0, 1.0, 2.0})
  void theLossSystemLosesTheShareErlangPredicts(double stayCv) {
    // 2 arrivals a day × 5 days = 10 Erlang on 12 places
    SimulationModel model =
        SimulationModel.lossSystem(TWO_OFFICES, TWELVE_PLACES, 5, stayCv, 20_000);

    SimulationResult result = SimulationResult.simulate(model, 7, 5);

    double erlang = ErlangB.blocking(10, 12);
    assertThat(erlang).isCloseTo(0.1197, within(1e-4));
    assertThat(result.unplacedShare()).isCloseTo(erlang, within(0.01));
    assertThat(result.utilisation()).isCloseTo(ErlangB.carried(10, 12) / 12, within(0.02));
    assertThat(result.meanHoursToPlacement()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    SimulationModel model = realistic(TWELVE_PLACES);

    assertThat(SimulationResult.simulate(model, 42, 3))
        .isEqualTo(SimulationResult.simulate(model, 42, 3));
  }

  @Test
  void morePlacesInADistrictNeverLeaveMoreChildrenUnplaced() {
    SimulationModel before =
        realistic(List.of(new Offer(District.SEGEBERG, 4), new Offer(District.STORMARN, 4)));
    SimulationModel after =
        before.withOffers(
            List.of(
                new Offer(District.SEGEBERG, 4),
                new Offer(District.STORMARN, 4),
                new Offer(District.SEGEBERG, 4)));

    SimulationResult without = SimulationResult.simulate(before, 1, 5);
    SimulationResult with = SimulationResult.simulate(after, 1, 5);

    assertThat(without.unplacedShare()).isGreaterThan(0.05);
    assertThat(with.unplacedShare()).isLessThan(without.unplacedShare());
    assertThat(with.meanHoursToPlacement()).isLessThanOrEqualTo(without.meanHoursToPlacement());
  }

  @Test
  void refusalsAndAnswerTimesDelayPlacementAndTheNetworkTakesOverAfterTheDelay() {
    SimulationModel model = realistic(TWELVE_PLACES);

    SimulationResult result = SimulationResult.simulate(model, 3, 3);

    assertThat(result.meanHoursToPlacement()).isGreaterThan(0.5);
    assertThat(result.p90HoursToPlacement()).isGreaterThanOrEqualTo(result.meanHoursToPlacement());
    assertThat(result.arrivalsPerRun()).isCloseTo(2 * 365, within(100.0));
    assertThat(result.unplacedShareCi95()).isPositive();
  }

  @Test
  void wavesAndNightPeaksKeepTheMeanRate() {
    var arrivals =
        SyntheticArrivals.generate(
            Map.of(District.PINNEBERG, 3.0), 3650, true, new SplittableRandom(5));

    assertThat(arrivals.size()).isCloseTo(3 * 3650, within(330));
    long evening = arrivals.stream().filter(a -> hour(a.day()) >= 18 || hour(a.day()) < 2).count();
    long morning = arrivals.stream().filter(a -> hour(a.day()) >= 6 && hour(a.day()) < 14).count();
    assertThat(evening).isGreaterThan(2 * morning);
  }

  private static double hour(double day) {
    return (day - Math.floor(day)) * 24;
  }

  /** Half an hour to answer, 30 % refusals, network after an hour, six hours at most. */
  private static SimulationModel realistic(List<Offer> offers) {
    return new SimulationModel(TWO_OFFICES, offers, List.of(), 5, 1.5, 0.5, 0.3, 1, 6, 365, true);
  }
}
