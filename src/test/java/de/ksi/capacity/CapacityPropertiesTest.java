package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityPropertiesTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void sensibleDurationsAreAccepted() {
    var properties = new CapacityProperties(Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofHours(24));

    assertThat(properties.freshness()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aMissingZeroOrNegativeDurationIsRefusedNamingTheProperty() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(null, HOUR, HOUR))
        .withMessageContaining("ksi.capacity.freshness");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, Duration.ZERO, HOUR))
        .withMessageContaining("ksi.capacity.default-hold");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, HOUR, HOUR.negated()))
        .withMessageContaining("ksi.capacity.max-hold");
  }

  @Test
  void aDefaultHoldLongerThanTheLongestAllowedHoldIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CapacityProperties(HOUR, Duration.ofHours(2), HOUR))
        .withMessageContaining("must not exceed ksi.capacity.max-hold");
  }
}
