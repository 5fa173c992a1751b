// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.network.District;
import de.ksi.platform.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Staffed places: valid for the night shift they were reported for (18:00 to 08:00 Berlin time),
 * never above licensed.
 */
class StaffedPlacesTest {

  /** 10:00 in Berlin on a winter day (UTC+1). */
  private static final Instant MORNING = Instant.parse("2026-12-03T09:00:00Z");

  private final Offer offer =
      new Offer(
          new Provider(
              new ProviderData(
                  "Haus Linde", District.SEGEBERG, "Weg 1", "04551 1", "linde@test.example.org"),
              "traeger-linde",
              MORNING),
          terms(6),
          "koordination-1",
          MORNING);

  @Test
  void aReportDuringTheDayIsForTheComingNightAndCountsUntilEightTheNextMorning() {
    offer.reportAvailability(4, 2, 1, "einrichtung-seg", MORNING);

    assertThat(Night.of(MORNING)).isEqualTo(new Night(LocalDate.of(2026, 12, 3)));
    assertThat(offer.staffedAt(MORNING)).isEqualTo(2);
    assertThat(offer.staffedAt(Instant.parse("2026-12-04T06:59:59Z")))
        .as("07:59:59 in Berlin")
        .isEqualTo(2);
    assertThat(offer.staffedAt(Instant.parse("2026-12-04T07:00:00Z")))
        .as("08:00 in Berlin: not reported")
        .isNull();
  }

  @Test
  void aReportAfterMidnightIsForTheRunningNight() {
    Instant threeAm = Instant.parse("2026-12-04T02:00:00Z");

    offer.reportAvailability(4, 3, 0, "einrichtung-seg", threeAm);

    assertThat(Night.of(threeAm).date()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(offer.staffedAt(Instant.parse("2026-12-04T06:00:00Z"))).isEqualTo(3);
    assertThat(offer.staffedAt(Instant.parse("2026-12-04T07:00:00Z"))).isNull();
  }

  @Test
  void nightsFollowSummerTime() {
    Night summer = Night.of(Instant.parse("2026-07-01T16:30:00Z"));

    assertThat(summer.start()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
    assertThat(summer.end()).isEqualTo(Instant.parse("2026-07-02T06:00:00Z"));
  }

  @Test
  void aReportWithoutStaffedPlacesCountsAsLicensed() {
    offer.reportAvailability(4, 2, 0, "einrichtung-seg", MORNING);
    offer.reportAvailability(5, null, 0, "einrichtung-seg", MORNING.plusSeconds(60));

    assertThat(offer.staffedAt(MORNING.plusSeconds(61))).isNull();
  }

  @Test
  void staffedPlacesAboveTheLicensedOrBelowZeroAreRefusedNamingTheFieldAndChangeNothing() {
    offer.reportAvailability(4, 2, 0, "einrichtung-seg", MORNING);

    for (int staffed : new int[] {-1, 7}) {
      assertThatThrownBy(
              () ->
                  offer.reportAvailability(
                      1, staffed, 0, "einrichtung-seg", MORNING.plusSeconds(60)))
          .isInstanceOfSatisfying(
              ProblemException.class,
              p -> {
                assertThat(p.field()).isEqualTo("staffed");
                assertThat(p.args()).containsExactly(staffed, 6);
              });
    }
    assertThat(offer.getReportedFree()).isEqualTo(4);
    assertThat(offer.staffedAt(MORNING)).isEqualTo(2);
  }

  @Test
  void fewerLicensedPlacesCapTheStaffedPlaces() {
    offer.reportAvailability(4, 5, 0, "einrichtung-seg", MORNING);

    offer.change(terms(3));

    assertThat(offer.staffedAt(MORNING)).isEqualTo(3);
  }

  private static OfferTerms terms(int licensed) {
    return new OfferTerms(
        Category.INOBHUTNAHME_GRUPPE, 6, 17, EnumSet.allOf(Gender.class), 2, licensed);
  }
}
