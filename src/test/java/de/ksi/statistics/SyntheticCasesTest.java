// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The synthetic year is the same for the same seed, looks like the network's year, and ends in
 * time.
 */
class SyntheticCasesTest {

  static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant TO = FROM.plus(Duration.ofDays(365));
  static final Instant END = TO.plus(Duration.ofDays(3));

  static List<SyntheticCases.Case> year(long seed) {
    List<SyntheticSearch.Offer> offers = new ArrayList<>();
    long id = 1;
    for (District d : District.values()) {
      offers.add(
          new SyntheticSearch.Offer(
              id++,
              d,
              Category.INOBHUTNAHME_GRUPPE,
              6,
              17,
              true,
              true,
              true,
              3,
              8,
              new ArrayList<>()));
      offers.add(
          new SyntheticSearch.Offer(
              id++,
              d,
              Category.BEREITSCHAFTSPFLEGE,
              0,
              10,
              true,
              true,
              true,
              2,
              2,
              new ArrayList<>()));
      offers.add(
          new SyntheticSearch.Offer(
              id++, d, Category.CLEARING_UMA, 12, 17, true, true, true, 2, 6, new ArrayList<>()));
    }
    Random random = new Random(seed);
    return new SyntheticCases(random, new SyntheticSearch(offers, random)).generate(FROM, TO, END);
  }

  static List<String> fingerprint(List<SyntheticCases.Case> cases) {
    return cases.stream()
        .map(
            c ->
                c.office()
                    + " "
                    + c.start()
                    + " "
                    + c.legalGround()
                    + " "
                    + c.age()
                    + " "
                    + c.search().level()
                    + " "
                    + c.search().placedAt()
                    + " "
                    + (c.search().offer() == null ? "-" : c.search().offer().id())
                    + " "
                    + c.end()
                    + " "
                    + c.outcome()
                    + " "
                    + c.search().requests().size())
        .toList();
  }

  @Test
  void theSameSeedGivesTheSameYear() {
    assertThat(fingerprint(year(SyntheticYear.SEED)))
        .isEqualTo(fingerprint(year(SyntheticYear.SEED)));
    assertThat(fingerprint(year(SyntheticYear.SEED))).isNotEqualTo(fingerprint(year(7)));
  }

  @Test
  void aYearHasAboutAThousandCasesWithAnAutumnWaveOfUnaccompaniedMinorsAndANightPeak() {
    List<SyntheticCases.Case> cases = year(SyntheticYear.SEED);
    assertThat(cases).hasSizeBetween(800, 1300);
    long umaInSeptember =
        cases.stream().filter(c -> c.legalGround().equals("NR3_UMA") && month(c) == 9).count();
    long umaInFebruary =
        cases.stream().filter(c -> c.legalGround().equals("NR3_UMA") && month(c) == 2).count();
    assertThat(umaInSeptember).isGreaterThan(2 * umaInFebruary);
    long evening = cases.stream().filter(c -> hour(c) >= 18 && hour(c) < 24).count();
    long morning = cases.stream().filter(c -> hour(c) >= 4 && hour(c) < 10).count();
    assertThat(evening).isGreaterThan(2 * morning);
    assertThat(cases.stream().map(c -> c.search().level()).distinct())
        .contains("KREIS", "VERBUND", "STUFE_2");
    assertThat(
            cases.stream()
                .flatMap(c -> c.search().requests().stream())
                .map(SyntheticSearch.Request::status)
                .distinct())
        .contains("CONFIRMED", "DECLINED", "EXPIRED");
  }

  @Test
  void everyCaseIsPlacedAndEndedBeforeTheEndAndNoPlaceIsGivenTwice() {
    List<SyntheticCases.Case> cases = year(SyntheticYear.SEED);
    for (SyntheticCases.Case c : cases) {
      assertThat(c.search().placedAt()).isAfter(c.start());
      assertThat(c.end()).isAfter(c.search().placedAt()).isBefore(END);
      if (c.followUpNeededAt() != null) {
        assertThat(c.followUpNeededAt()).isBetween(c.search().placedAt(), c.end());
      }
    }
    // at no placement start does an offer hold more children than it is licensed for
    for (SyntheticCases.Case c : cases) {
      SyntheticSearch.Offer offer = c.search().offer();
      if (offer != null) {
        Instant at = c.search().placedAt();
        int occupied =
            offer.occupied().stream()
                .filter(p -> !p.from().isAfter(at) && p.until().isAfter(at))
                .mapToInt(SyntheticSearch.Stay::places)
                .sum();
        assertThat(occupied).isLessThanOrEqualTo(offer.licensed());
      }
    }
  }

  private static int month(SyntheticCases.Case c) {
    return ZonedDateTime.ofInstant(c.start(), StatisticsService.ZONE).getMonthValue();
  }

  private static int hour(SyntheticCases.Case c) {
    return ZonedDateTime.ofInstant(c.start(), StatisticsService.ZONE).getHour();
  }
}
