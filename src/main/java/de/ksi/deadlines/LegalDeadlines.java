// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Computes the moments at which legal duties fall due, in the offices' local time: periods, working
 * days (Monday to Friday without public holidays in Schleswig-Holstein) and "end of the following
 * day".
 */
@Service
class LegalDeadlines {

  /**
   * A day ends at 23:59:59 local time; a deadline "by the end of the day" falls due at that second.
   */
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private static final String SCHLESWIG_HOLSTEIN = "sh";

  private final ZoneId zone;

  /**
   * Jollyday reads its calendar (XML, JAXB) for about 0.3 s on a cold JVM: it loads beside the
   * start, on a pool thread, and the first deadline waits for it if it comes before.
   */
  private final CompletableFuture<HolidayManager> holidayManager;

  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  LegalDeadlines(Clock clock) {
    this.zone = clock.getZone();
    this.holidayManager =
        CompletableFuture.supplyAsync(
            () -> HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY)));
  }

  /**
   * The start plus an ISO-8601 period or duration: {@code PT4H} and {@code P1DT12H} are exact
   * durations, {@code P3D} and {@code P1M} are calendar periods in local time.
   */
  public Instant after(Instant start, String isoPeriod) {
    String text = requireIsoPeriod(isoPeriod);
    if (text.contains("T")) {
      return start.plus(Duration.parse(text));
    }
    return start.atZone(zone).plus(Period.parse(text)).toInstant();
  }

  /**
   * The same text if it is a valid ISO-8601 period or duration; otherwise an exception naming it.
   */
  public String requireIsoPeriod(String isoPeriod) {
    if (isoPeriod == null || isoPeriod.isBlank()) {
      throw new IllegalArgumentException("Missing ISO-8601 period or duration");
    }
    try {
      if (isoPeriod.contains("T")) {
        Duration.parse(isoPeriod);
      } else {
        Period.parse(isoPeriod);
      }
      return isoPeriod;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO-8601 period or duration: " + isoPeriod, e);
    }
  }

  /**
   * The end of the n-th working day after the day of the start; the day of the start does not count
   * (§ 187 Abs. 1 BGB), so a deadline never ends on a weekend or public holiday.
   */
  public Instant endOfWorkingDays(Instant start, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("workingDays must be at least 1: " + workingDays);
    }
    LocalDate day = localDate(start);
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return endOf(day);
  }

  /** The end of the day after the day of the start (§ 42 Abs. 5 SGB VIII). */
  public Instant endOfNextDay(Instant start) {
    return endOf(localDate(start).plusDays(1));
  }

  /**
   * The end of the period counted in whole days from the day of the start (§§ 187, 188 BGB): one
   * month from 25 March ends on 25 April at midnight, one month from 31 January on the last day of
   * February.
   */
  public Instant endOfPeriod(Instant start, String isoPeriod) {
    return endOf(localDate(start).plus(Period.parse(requireIsoPeriod(isoPeriod))));
  }

  /** Monday to Friday and not a public holiday in Schleswig-Holstein. */
  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  private Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(
        year,
        y ->
            holidayManager.join().getHolidays(Year.of(y), SCHLESWIG_HOLSTEIN).stream()
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet()));
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  private Instant endOf(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(zone).toInstant();
  }
}
