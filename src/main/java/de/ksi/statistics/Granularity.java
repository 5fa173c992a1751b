// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The period the figures are counted in: month, quarter or calendar year (German time). */
enum Granularity {
  MONTH,
  QUARTER,
  YEAR;

  /** The first day of the period that contains {@code day}. */
  LocalDate start(LocalDate day) {
    return switch (this) {
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> LocalDate.of(day.getYear(), 1, 1);
    };
  }

  LocalDate next(LocalDate start) {
    return switch (this) {
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /** A stable key such as {@code 2026-03}, {@code 2026-Q1} or {@code 2026}. */
  String key(LocalDate start) {
    return switch (this) {
      case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
      case QUARTER -> "%d-Q%d".formatted(start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
      case YEAR -> String.valueOf(start.getYear());
    };
  }

  /** The German label: {@code März 2026}, {@code 1. Quartal 2026}, {@code 2026}. */
  String label(LocalDate start) {
    return switch (this) {
      case MONTH ->
          start.getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN) + " " + start.getYear();
      case QUARTER -> ((start.getMonthValue() - 1) / 3 + 1) + ". Quartal " + start.getYear();
      case YEAR -> String.valueOf(start.getYear());
    };
  }

  /**
   * The starts of every period from the one containing {@code from} to the one containing {@code
   * to}.
   */
  List<LocalDate> periods(LocalDate from, LocalDate to) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate start = start(from); !start.isAfter(to); start = next(start)) {
      starts.add(start);
    }
    return starts;
  }
}
