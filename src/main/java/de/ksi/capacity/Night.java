// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A night shift of the network: from 18:00 to 08:00 the next morning, local time in
 * Schleswig-Holstein. A staffed-places report is for the night in which it is made, or, made during
 * the day, for the coming night; it is valid until that night ends. Statistics count place-nights
 * by the date on which the night begins.
 *
 * @param date the date on which the night begins (18:00)
 */
public record Night(LocalDate date) {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final LocalTime STARTS = LocalTime.of(18, 0);
  public static final LocalTime ENDS = LocalTime.of(8, 0);

  /**
   * The night a report made at {@code at} is for: the running night before 08:00, else the coming
   * one.
   */
  public static Night of(Instant at) {
    ZonedDateTime local = at.atZone(ZONE);
    return new Night(
        local.toLocalTime().isBefore(ENDS)
            ? local.toLocalDate().minusDays(1)
            : local.toLocalDate());
  }

  /** When the night begins. */
  public Instant start() {
    return date.atTime(STARTS).atZone(ZONE).toInstant();
  }

  /** When the night ends: the next morning at 08:00 (a report for it counts until then). */
  public Instant end() {
    return date.plusDays(1).atTime(ENDS).atZone(ZONE).toInstant();
  }
}
