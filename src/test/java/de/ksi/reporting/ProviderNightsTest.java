// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A night runs from noon to noon German time and is named by the day it begins. */
class ProviderNightsTest {

  @Test
  void aRequestAtTwoInTheMorningBelongsToTheNightThatBeganTheDayBefore() {
    // 02:00 in Germany (winter time, UTC+1)
    assertThat(ProviderNights.night(Instant.parse("2026-12-03T01:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void theNightBeginsAtNoonGermanTime() {
    assertThat(ProviderNights.night(Instant.parse("2026-12-03T10:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(ProviderNights.night(Instant.parse("2026-12-03T11:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 3));
    // summer time (UTC+2): noon is 10:00 UTC
    assertThat(ProviderNights.night(Instant.parse("2026-07-01T10:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void theRowIsNamedForPeople() {
    var row = new NightRow(LocalDate.of(2026, 12, 31), 1, "Haus", de.ksi.network.District.SEGEBERG);
    row.count("EXPIRED");
    row.count("HELD");

    assertThat(row.getNightLabel()).isEqualTo("Nacht 31.12. auf 1.1.");
    assertThat(row.getExpired()).isOne();
    assertThat(row.getOpen()).isOne();
    assertThat(row.getRequests()).isEqualTo(2);
  }
}
