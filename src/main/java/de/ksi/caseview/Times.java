// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the offices read them: local time of Schleswig-Holstein, the date only when it is not
 * today.
 */
final class Times {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZONE);

  private Times() {}

  /** "02:40" today, "04.12.2026 02:40" on another day; "–" for no time. */
  static String at(Instant time, Instant now) {
    if (time == null) {
      return "–";
    }
    boolean today = time.atZone(ZONE).toLocalDate().equals(now.atZone(ZONE).toLocalDate());
    return today ? TIME.format(time) : DATE_TIME.format(time);
  }

  static String full(Instant time) {
    return time == null ? "–" : DATE_TIME.format(time);
  }
}
