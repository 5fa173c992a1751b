// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.OfferTerms;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.network.KsiUser;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the synthetic year is written with the same SQL, once, and the statistics read it.
 */
@PostgresIntegrationTest
class StatisticsPostgresIT {

  @Autowired Fixtures fixtures;
  @Autowired SyntheticYear syntheticYear;
  @Autowired StatisticsService statistics;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theSyntheticYearIsWrittenOnceAndCountedAsSynthetic() {
    for (District district : District.values()) {
      fixtures.offer(district, Category.INOBHUTNAHME_GRUPPE, 8, 4);
      fixtures.offer(
          district,
          new OfferTerms(Category.BEREITSCHAFTSPFLEGE, 0, 10, EnumSet.allOf(Gender.class), 2, 2),
          1);
      fixtures.offer(district, Category.CLEARING_UMA, 6, 3);
    }

    SyntheticYear.Result first = syntheticYear.generateOnce();
    SyntheticYear.Result second = syntheticYear.generateOnce();

    assertThat(first.generated()).isTrue();
    assertThat(second.generated()).isFalse();
    assertThat(second.cases()).isEqualTo(first.cases());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM placement p JOIN custody_case c ON c.reference = p.case_reference"
                    + " WHERE c.synthetic AND (p.ended_at IS NULL OR p.hold_id IS NULL AND c.emergency_measure IS NULL)",
                Integer.class))
        .isZero();
    Report report =
        statistics.report(
            new KsiUser("koordination-pg", Set.of(Groups.COORDINATORS)),
            new StatisticsService.Query("YEAR", since(first), null, null, null));
    assertThat(report.synthetic().cases()).isEqualTo(first.cases());
    Report.Table cases = report.tables().get(0);
    assertThat(
            cases.rows().get(cases.rows().size() - 1).cells().get(cases.columns().size() - 1).n())
        .isEqualTo(first.cases());
    Report real =
        statistics.report(
            new KsiUser("koordination-pg", Set.of(Groups.COORDINATORS)),
            new StatisticsService.Query("YEAR", since(first), null, null, false));
    assertThat(real.synthetic().included()).isFalse();
  }

  /**
   * The year the synthetic data covers: it ends before the oldest Platzmeldung, and other tests of
   * this shared database (the planning's recorded 2021) may have left older ones.
   */
  private static String since(SyntheticYear.Result year) {
    return String.valueOf(year.from().atZone(ZoneOffset.UTC).getYear());
  }
}
