// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statistics: counts from 1 to {@code minimumCount - 1} are suppressed, medians
 * need at least {@code minimumCount} cases.
 */
@ConfigurationProperties("ksi.statistics")
public record StatisticsProperties(@DefaultValue("5") int minimumCount) {

  public StatisticsProperties {
    if (minimumCount < 1) {
      throw new IllegalArgumentException(
          "ksi.statistics.minimum-count must be at least 1, was " + minimumCount);
    }
  }
}
