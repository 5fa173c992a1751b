// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.statistics.SyntheticSearch.Offer;
import de.ksi.statistics.SyntheticSearch.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The synthetic year's nights short of staff: some, not most, more in winter than in May, never
 * above licensed.
 */
class SyntheticStaffingTest {

  @Test
  void someNightsAreShortOfStaffMoreInWinterAndTheFiguresAddUp() {
    Offer offer =
        new Offer(
            1,
            District.SEGEBERG,
            Category.INOBHUTNAHME_GRUPPE,
            6,
            17,
            true,
            true,
            true,
            2,
            6,
            new ArrayList<>(
                List.of(
                    new Stay(
                        Instant.parse("2026-01-10T10:00:00Z"),
                        Instant.parse("2026-01-20T10:00:00Z"),
                        2))));
    LocalDate first = LocalDate.of(2026, 1, 1);

    List<Offer> offers = new ArrayList<>(List.of(offer));
    for (long id = 2; id <= 10; id++) {
      offers.add(
          new Offer(
              id,
              District.STORMARN,
              Category.BEREITSCHAFTSPFLEGE,
              0,
              17,
              true,
              true,
              true,
              2,
              6,
              new ArrayList<>()));
    }

    List<Object[]> rows =
        SyntheticStaffing.reports(offers, first, first.plusDays(364), new Random(1));

    assertThat(rows.size()).as("short nights of 3650 offer-nights").isBetween(250, 750);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat((int) r[6]).as("staffed").isLessThan(6).isNotNegative();
              assertThat((int) r[5] + (int) r[7]).as("free + occupied = licensed").isEqualTo(6);
            });
    assertThat(
            rows.stream()
                .filter(
                    r ->
                        (long) r[0] == 1
                            && r[3].toString().startsWith("2026-01-1")
                            && (int) r[7] == 2))
        .as("the child placed from 10 to 20 January occupies two places")
        .isNotEmpty();
    long january = rows.stream().filter(r -> r[3].toString().startsWith("2026-01")).count();
    long may = rows.stream().filter(r -> r[3].toString().startsWith("2026-05")).count();
    assertThat(january).isGreaterThan(may);
    assertThat(
            Duration.between(
                ((java.sql.Timestamp) rows.get(0)[1]).toInstant(),
                new de.ksi.capacity.Night(((java.sql.Date) rows.get(0)[3]).toLocalDate()).start()))
        .isEqualTo(Duration.ofHours(1));
  }
}
