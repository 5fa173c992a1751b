// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityPropertiesTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final CapacityProperties.Search SEARCH = new CapacityProperties.Search(50);

  @Test
  void sensibleDurationsAreAccepted() {
    var properties =
        new CapacityProperties(
            Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofHours(24), SEARCH);

    assertThat(properties.freshness()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aMissingZeroOrNegativeDurationIsRefusedNamingTheProperty() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(null, HOUR, HOUR, SEARCH))
        .withMessageContaining("ksi.capacity.freshness");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, Duration.ZERO, HOUR, SEARCH))
        .withMessageContaining("ksi.capacity.default-hold");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, HOUR, HOUR.negated(), SEARCH))
        .withMessageContaining("ksi.capacity.max-hold");
  }

  @Test
  void aDefaultHoldLongerThanTheLongestAllowedHoldIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, Duration.ofHours(2), HOUR, SEARCH))
        .withMessageContaining("must not exceed ksi.capacity.max-hold");
  }

  @Test
  void aSearchMustAnswerWithAtLeastOneAndAtMostAThousandCandidates() {
    assertThat(new CapacityProperties.Search(1).maxCandidates()).isEqualTo(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties.Search(0))
        .withMessageContaining("ksi.capacity.search.max-candidates");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties.Search(1_001))
        .withMessageContaining("ksi.capacity.search.max-candidates");
  }
}
