// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.Night;
import de.ksi.statistics.SyntheticSearch.Offer;
import de.ksi.statistics.SyntheticSearch.Stay;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Staffed-places reports for the synthetic year: on some nights a provider cannot staff all its
 * licensed places (more often in the winter colds, the summer holidays and on Friday and Saturday
 * nights) and says so at 17:00 for the coming night. Only these short nights are written; on all
 * others the offer counts as fully staffed, as a night without a staffed report does. Free and
 * occupied places come from the synthetic placements.
 */
final class SyntheticStaffing {

  /** Chance that an offer is short of staff on a night, per month (January first). */
  private static final double[] SHORT_MONTH = {
    0.16, 0.16, 0.13, 0.10, 0.08, 0.10, 0.15, 0.16, 0.09, 0.10, 0.12, 0.15
  };

  /** Friday and Saturday nights are harder to staff. */
  private static final double WEEKEND = 1.3;

  private SyntheticStaffing() {}

  /**
   * Rows of {@code availability_report} for the nights beginning in [{@code first}, {@code last}].
   */
  static List<Object[]> reports(
      List<Offer> offers, LocalDate first, LocalDate last, Random random) {
    List<Object[]> rows = new ArrayList<>();
    for (Offer offer : offers) {
      for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
        DayOfWeek day = night.getDayOfWeek();
        double chance =
            SHORT_MONTH[night.getMonthValue() - 1]
                * (day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? WEEKEND : 1);
        if (random.nextDouble() >= chance) {
          continue;
        }
        int staffed =
            Math.max(
                0, offer.licensed() - 1 - random.nextInt(Math.max(1, (offer.licensed() + 2) / 3)));
        Instant at = new Night(night).start().minus(Duration.ofHours(1));
        int occupied =
            Math.min(
                offer.licensed(),
                offer.occupied().stream()
                    .filter(s -> !s.from().isAfter(at) && s.until().isAfter(at))
                    .mapToInt(Stay::places)
                    .sum());
        rows.add(
            new Object[] {
              offer.id(),
              Timestamp.from(at),
              SyntheticYear.ACTOR,
              Date.valueOf(night),
              offer.licensed(),
              offer.licensed() - occupied,
              staffed,
              occupied
            });
      }
    }
    return rows;
  }
}
