// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedRatesTest {

  @Test
  void anOfficeRateStandingForFewerThanFiveRecordedChildrenIsSuppressed() {
    assertThat(PlanningService.published(3 / 365.0, true, 365, 5)).isNull();
    assertThat(PlanningService.published(4 / 365.0, true, 365, 5)).isNull();
  }

  @Test
  void noChildrenFiveOrMoreAndAssumedRatesArePublished() {
    assertThat(PlanningService.published(0, true, 365, 5)).isZero();
    assertThat(PlanningService.published(5 / 365.0, true, 365, 5)).isEqualTo(0.0137);
    assertThat(PlanningService.published(2 / 365.0, false, 365, 5)).isEqualTo(0.0055);
  }
}
