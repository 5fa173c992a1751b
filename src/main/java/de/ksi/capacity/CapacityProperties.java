package de.ksi.capacity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the capacity registry.
 *
 * @param freshness age after which a reported free count is stale (default 12 hours)
 * @param defaultHold how long a hold lasts when the caller does not say
 * @param maxHold the longest hold anyone may place
 */
@Validated
@ConfigurationProperties("ksi.capacity")
public record CapacityProperties(Duration freshness, Duration defaultHold, Duration maxHold) {

  public CapacityProperties {
    requirePositive("ksi.capacity.freshness", freshness);
    requirePositive("ksi.capacity.default-hold", defaultHold);
    requirePositive("ksi.capacity.max-hold", maxHold);
    if (defaultHold.compareTo(maxHold) > 0) {
      throw new IllegalArgumentException(
          "ksi.capacity.default-hold (" + defaultHold + ") must not exceed ksi.capacity.max-hold (" + maxHold + ")");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration such as PT12H, was " + value);
    }
  }
}
