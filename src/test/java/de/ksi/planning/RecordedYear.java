// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A recorded year 2021 that no other test touches, written through the registry with the engine
 * clock moved: 24 Pinneberg children placed in clearing places, 10 days each; every fourth was
 * declined once first (after an hour), every request accepted after two hours. So: 24 arrivals,
 * mean stay 10 days, 6 of 30 answers refusals, mean answer time 1.8 hours.
 */
final class RecordedYear {

  static final String PERIOD = "from=2021-01-01&to=2021-12-31";
  static final int CASES = 24;
  static final double REFUSAL_SHARE = 7 / 31.0;
  private static final Instant FIRST = Instant.parse("2021-01-04T10:00:00Z");

  private RecordedYear() {}

  /** Writes the year and returns the offer used (2 licensed places in Pinneberg). */
  static OfferView write(Fixtures fixtures, CapacityRegistry registry) {
    OfferView offer =
        fixtures.offerReportedAt(
            FIRST.minus(Duration.ofDays(3)), District.PINNEBERG, Category.CLEARING_UMA, 2, 2);
    try {
      for (int i = 0; i < CASES; i++) {
        Instant t = FIRST.plus(Duration.ofDays(15L * i));
        String reference = Fixtures.newCase(District.PINNEBERG);
        if (i == 1) {
          long expired =
              at(
                  t,
                  () ->
                      registry
                          .hold(offer.id(), reference, 1, Duration.ofHours(3), "it")
                          .hold()
                          .id());
          at(t.plus(Duration.ofHours(3)), () -> registry.expire(expired, "it"));
          t = t.plus(Duration.ofHours(3));
        }
        if (i % 4 == 3) {
          long declined =
              at(
                  t,
                  () ->
                      registry
                          .hold(offer.id(), reference, 1, Duration.ofHours(3), "it")
                          .hold()
                          .id());
          at(
              t.plus(Duration.ofHours(1)),
              () -> registry.decline(declined, DeclineReason.STAFF_SHORTAGE, null, "it"));
          t = t.plus(Duration.ofHours(1));
        }
        Instant asked = t;
        long hold =
            at(
                asked,
                () ->
                    registry.hold(offer.id(), reference, 1, Duration.ofHours(3), "it").hold().id());
        long placement =
            at(asked.plus(Duration.ofHours(2)), () -> registry.confirm(hold, "it").id());
        at(
            asked.plus(Duration.ofHours(2)).plus(Duration.ofDays(10)),
            () -> registry.endPlacement(placement, "HANDOVER", "it"));
      }
    } finally {
      ClockUtil.reset();
    }
    return offer;
  }

  private static <T> T at(Instant time, Supplier<T> action) {
    ClockUtil.setCurrentTime(Date.from(time));
    return action.get();
  }
}
