// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LegalDeadlinesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final LegalDeadlines deadlines =
      new LegalDeadlines(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), BERLIN));

  @Test
  void sevenWorkingDaysSkipGoodFridayEasterMondayAndTheWeekend() {
    // Thursday before Easter 2027: Good Friday 26 March and Easter Monday 29 March are holidays
    Instant custodyStart = berlin("2027-03-25T10:00:00+01:00");

    assertThat(deadlines.endOfWorkingDays(custodyStart, 7))
        .isEqualTo(berlin("2027-04-07T23:59:59+02:00"));
  }

  @Test
  void reformationDayIsAHolidayInSchleswigHolsteinSince2018() {
    assertThat(deadlines.isWorkingDay(LocalDate.of(2025, 10, 31))).isFalse(); // Friday
    assertThat(deadlines.isWorkingDay(LocalDate.of(2028, 10, 31))).isFalse(); // Tuesday
    assertThat(deadlines.isWorkingDay(LocalDate.of(2016, 10, 31))).isTrue(); // Monday, before 2018
  }

  @Test
  void reformationDayOnAWeekdayIsSkipped() {
    // Thursday 30 October 2025: Friday 31 October 2025 is Reformationstag
    assertThat(deadlines.endOfWorkingDays(berlin("2025-10-30T15:00:00+01:00"), 1))
        .isEqualTo(berlin("2025-11-03T23:59:59+01:00"));
  }

  @Test
  void christmasAndNewYearAreNotWorkingDays() {
    // Tuesday 22 December 2026: 25/26 Dec and 1 Jan are holidays, 24 and 31 Dec are working days
    assertThat(deadlines.endOfWorkingDays(berlin("2026-12-22T20:00:00+01:00"), 7))
        .isEqualTo(berlin("2027-01-04T23:59:59+01:00"));
  }

  @Test
  void holidaysOfOtherStatesAreWorkingDays() {
    // Corpus Christi (Fronleichnam) and All Saints' Day are not holidays in Schleswig-Holstein
    assertThat(deadlines.isWorkingDay(LocalDate.of(2027, 5, 27))).isTrue();
    assertThat(deadlines.isWorkingDay(LocalDate.of(2027, 11, 1))).isTrue();
    assertThat(deadlines.isWorkingDay(LocalDate.of(2027, 5, 17))).isFalse(); // Whit Monday
  }

  @Test
  void theDayOfTheStartDoesNotCountEvenOnAWeekend() {
    // Saturday 6 March 2027: Monday 8 is the first working day
    assertThat(deadlines.endOfWorkingDays(berlin("2027-03-06T11:00:00+01:00"), 1))
        .isEqualTo(berlin("2027-03-08T23:59:59+01:00"));
  }

  @Test
  void endOfNextDayIsCountedInLocalTimeAcrossMidnight() {
    // 1 July 2026 00:30 in Berlin is still 30 June in UTC
    assertThat(deadlines.endOfNextDay(Instant.parse("2026-06-30T22:30:00Z")))
        .isEqualTo(berlin("2026-07-02T23:59:59+02:00"));
    // 23:30 on 10 March: the following day, not the day after that
    assertThat(deadlines.endOfNextDay(berlin("2027-03-10T23:30:00+01:00")))
        .isEqualTo(berlin("2027-03-11T23:59:59+01:00"));
  }

  @Test
  void endOfNextDayAcrossTheChangeToSummerTime() {
    // Saturday 27 March 2027 22:30 CET; clocks go forward in the night to Sunday
    Instant end = deadlines.endOfNextDay(berlin("2027-03-27T22:30:00+01:00"));

    assertThat(end).isEqualTo(berlin("2027-03-28T23:59:59+02:00"));
    assertThat(end).isEqualTo(Instant.parse("2027-03-28T21:59:59Z"));
  }

  @Test
  void endOfNextDayAcrossTheChangeToWinterTime() {
    assertThat(deadlines.endOfNextDay(berlin("2026-10-24T12:00:00+02:00")))
        .isEqualTo(Instant.parse("2026-10-25T22:59:59Z"));
  }

  @Test
  void oneMonthEndsAtTheEndOfTheSameDayOfTheNextMonth() {
    assertThat(deadlines.endOfPeriod(berlin("2027-03-25T10:00:00+01:00"), "P1M"))
        .isEqualTo(berlin("2027-04-25T23:59:59+02:00"));
  }

  @Test
  void oneMonthFromTheThirtyFirstEndsOnTheLastDayOfAShorterMonth() {
    assertThat(deadlines.endOfPeriod(berlin("2027-01-31T08:00:00+01:00"), "P1M"))
        .isEqualTo(berlin("2027-02-28T23:59:59+01:00"));
  }

  @Test
  void durationsAreExactAndDayPeriodsFollowTheCalendar() {
    Instant start = berlin("2027-03-27T20:00:00+01:00");

    assertThat(deadlines.after(start, "PT24H")).isEqualTo(berlin("2027-03-28T21:00:00+02:00"));
    assertThat(deadlines.after(start, "P1D")).isEqualTo(berlin("2027-03-28T20:00:00+02:00"));
    assertThat(deadlines.after(start, "P1M")).isEqualTo(berlin("2027-04-27T20:00:00+02:00"));
  }

  @Test
  void aMistypedPeriodIsRejectedWithItsText() {
    assertThatThrownBy(() -> deadlines.after(Instant.EPOCH, "24H"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24H");
    assertThatThrownBy(() -> deadlines.requireIsoPeriod(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlines.endOfWorkingDays(Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Instant berlin(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }
}
