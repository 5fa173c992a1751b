// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.capacity.Offer.FreeCountOutOfRangeException;
import de.ksi.network.District;
import de.ksi.platform.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfferTest {

  private static final Instant CREATED = Instant.parse("2026-03-06T08:00:00Z");
  private static final Duration TWELVE_HOURS = Duration.ofHours(12);

  private final Offer offer = new Offer(provider(), terms(6, 17, 8), "koordination-1", CREATED);

  @Test
  void aNewOfferReportsAllLicensedPlacesFreeAsOfItsCreation() {
    assertThat(offer.getReportedFree()).isEqualTo(8);
    assertThat(offer.getReportedAt()).isEqualTo(CREATED);
    assertThat(offer.getReportedBy()).isEqualTo("koordination-1");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 8})
  void aProviderMayReportAnyCountFromZeroToItsLicensedPlaces(int free) {
    Instant now = CREATED.plus(Duration.ofHours(3));

    offer.reportAvailability(free, "einrichtung-seg", now);

    assertThat(offer.getReportedFree()).isEqualTo(free);
    assertThat(offer.getReportedAt()).isEqualTo(now);
    assertThat(offer.getReportedBy()).isEqualTo("einrichtung-seg");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 9, 500})
  void aReportBelowZeroOrAboveTheLicensedPlacesIsRefusedAndChangesNothing(int free) {
    assertThatThrownBy(
            () -> offer.reportAvailability(free, "einrichtung-seg", CREATED.plusSeconds(60)))
        .isInstanceOf(FreeCountOutOfRangeException.class)
        .satisfies(
            e -> {
              ProblemException problem = (ProblemException) e;
              assertThat(problem.field()).isEqualTo("free");
              assertThat(problem.args()).containsExactly(free, 8);
            });

    assertThat(offer.getReportedFree()).isEqualTo(8);
    assertThat(offer.getReportedAt()).isEqualTo(CREATED);
    assertThat(offer.getReportedBy()).isEqualTo("koordination-1");
  }

  @Test
  void aReportIsFreshUpToTheFreshnessLimitAndStaleAfterIt() {
    assertThat(offer.isStale(CREATED, TWELVE_HOURS)).isFalse();
    assertThat(offer.isStale(CREATED.plus(TWELVE_HOURS), TWELVE_HOURS)).isFalse();
    assertThat(offer.isStale(CREATED.plus(TWELVE_HOURS).plusMillis(1), TWELVE_HOURS)).isTrue();
    assertThat(offer.isStale(CREATED.plus(Duration.ofHours(2)), Duration.ofHours(1))).isTrue();
  }

  @Test
  void aNewReportMakesAStaleOfferFreshAgain() {
    Instant muchLater = CREATED.plus(Duration.ofDays(2));
    assertThat(offer.isStale(muchLater, TWELVE_HOURS)).isTrue();

    offer.reportAvailability(3, "einrichtung-seg", muchLater);

    assertThat(offer.isStale(muchLater.plus(Duration.ofHours(1)), TWELVE_HOURS)).isFalse();
  }

  @Test
  void fewerLicensedPlacesCapTheReportedFreeCount() {
    offer.change(terms(6, 17, 5));

    assertThat(offer.getLicensed()).isEqualTo(5);
    assertThat(offer.getReportedFree()).isEqualTo(5);
  }

  @Test
  void termsWithMinimumAgeAboveMaximumAgeAreRefusedNamingMinAge() {
    assertThatThrownBy(() -> offer.change(terms(12, 6, 8)))
        .isInstanceOfSatisfying(
            ProblemException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("minAge"));
    assertThat(offer.terms().minAge()).isEqualTo(6);
  }

  @Test
  void termsWithoutAnyGenderAreRefusedNamingGenders() {
    var none = new OfferTerms(Category.MAEDCHENSCHUTZ, 12, 17, Set.of(), 1, 4);

    assertThatThrownBy(() -> offer.change(none))
        .isInstanceOfSatisfying(
            ProblemException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("genders"));
  }

  @Test
  void theGendersAnOfferAcceptsSurviveTheRoundTripThroughItsColumns() {
    offer.change(
        new OfferTerms(
            Category.MAEDCHENSCHUTZ, 12, 17, EnumSet.of(Gender.FEMALE, Gender.DIVERSE), 2, 4));

    assertThat(offer.genders()).containsExactlyInAnyOrder(Gender.FEMALE, Gender.DIVERSE);
    assertThat(offer.terms().category()).isEqualTo(Category.MAEDCHENSCHUTZ);
  }

  private static OfferTerms terms(int minAge, int maxAge, int licensed) {
    return new OfferTerms(
        Category.INOBHUTNAHME_GRUPPE, minAge, maxAge, EnumSet.allOf(Gender.class), 3, licensed);
  }

  private static Provider provider() {
    return new Provider(
        new ProviderData(
            "Jugendhof Test",
            District.STORMARN,
            "Am Markt 1, 22926 Ahrensburg",
            "04102 555 0",
            "aufnahme@test.example.org"),
        "traeger-jugendhof-test",
        CREATED);
  }
}
