// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the capacity registry.
 *
 * @param freshness age after which a reported free count is stale (default 12 hours)
 * @param defaultHold how long a hold lasts when the caller does not say
 * @param maxHold the longest hold anyone may place
 * @param search settings of the place search
 */
@Validated
@ConfigurationProperties("ksi.capacity")
public record CapacityProperties(
    Duration freshness, Duration defaultHold, Duration maxHold, @DefaultValue Search search) {

  public CapacityProperties {
    requirePositive("ksi.capacity.freshness", freshness);
    requirePositive("ksi.capacity.default-hold", defaultHold);
    requirePositive("ksi.capacity.max-hold", maxHold);
    if (defaultHold.compareTo(maxHold) > 0) {
      throw new IllegalArgumentException(
          "ksi.capacity.default-hold ("
              + defaultHold
              + ") must not exceed ksi.capacity.max-hold ("
              + maxHold
              + ")");
    }
    if (search == null) {
      throw new IllegalArgumentException("ksi.capacity.search is missing");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          name + " must be a positive duration such as PT12H, was " + value);
    }
  }

  /**
   * Settings of the place search.
   *
   * @param maxCandidates how many candidates a search answers with at most, the best first (default
   *     50); the answer also says how many fit in total
   */
  public record Search(@DefaultValue("50") int maxCandidates) {

    /** More candidates than this no caseworker reads, and each one costs time in the search. */
    static final int LIMIT = 1_000;

    public Search {
      if (maxCandidates < 1 || maxCandidates > LIMIT) {
        throw new IllegalArgumentException(
            "ksi.capacity.search.max-candidates must be between 1 and "
                + LIMIT
                + ", was "
                + maxCandidates);
      }
    }
  }
}
