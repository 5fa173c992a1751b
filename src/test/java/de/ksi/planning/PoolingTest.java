// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pooling the offices' places never costs places, and the planning settings refuse nonsense. */
class PoolingTest {

  @Test
  void poolingNeverNeedsMorePlacesThanTheOfficesAlone() {
    Random random = new Random(11);
    for (int run = 0; run < 2_000; run++) {
      Map<District, Double> loads = new EnumMap<>(District.class);
      for (District district : District.values()) {
        loads.put(district, random.nextInt(4) == 0 ? 0 : random.nextDouble() * 60);
      }
      double target = 0.005 + random.nextDouble() * 0.2;

      Pooling pooling = Pooling.of(loads, target);

      assertThat(pooling.gain()).as("loads %s at %s", loads, target).isNotNegative();
      assertThat(ErlangB.blocking(pooling.load(), pooling.pooled())).isLessThanOrEqualTo(target);
    }
  }

  @Test
  void fiveEqualOfficesSaveAboutAThirdOfTheirPlaces() {
    Map<District, Double> loads = new EnumMap<>(District.class);
    for (District district : District.values()) {
      loads.put(district, 8.0);
    }

    Pooling pooling = Pooling.of(loads, 0.05);

    // 8 Erlang alone needs 13 places at 5 %; 40 Erlang together 46 instead of 65
    assertThat(pooling.alone()).containsValues(13, 13, 13, 13, 13);
    assertThat(pooling.pooled()).isEqualTo(46);
    assertThat(pooling.gain()).isEqualTo(19);
  }

  @Test
  void anOfficeWithoutPlacesLosesAllItsChildrenAlone() {
    Map<District, Double> loads = Map.of(District.SEGEBERG, 2.0, District.STORMARN, 2.0);
    Map<District, Integer> places = Map.of(District.SEGEBERG, 0, District.STORMARN, 50);

    assertThat(Pooling.aloneBlocking(loads, places))
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void settingsFillInDefaultsAndRefuseNonsense() {
    PlanningProperties defaults =
        new PlanningProperties(
            null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(defaults.targetShare()).isEqualTo(0.05);
    assertThat(defaults.assumption(Category.INOBHUTNAHME_GRUPPE).costPerPlaceDay()).isPositive();
    assertThat(defaults.districtShares().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PlanningProperties(
                    1.5, null, null, null, null, null, null, null, null, null, null, null))
        .withMessageContaining("target-share");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PlanningProperties(
                    null, null, null, null, null, null, 50, null, null, null, null, null))
        .withMessageContaining("replications");
  }
}
