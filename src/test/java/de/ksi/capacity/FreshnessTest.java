// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 Min.",
    "59, 59 Min.",
    "60, 1 Std.",
    "779, 12 Std.",
    "2879, 47 Std.",
    "2880, 2 Tagen",
    "10080, 7 Tagen"
  })
  void theAgeOfAReportReadsTheWayACaseworkerWouldSayIt(long minutes, String expected) {
    assertThat(Freshness.describe(minutes)).isEqualTo(expected);
  }
}
