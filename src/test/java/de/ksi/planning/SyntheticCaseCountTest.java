// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic demo cases are counted where the case table marks them, and nothing breaks where it
 * does not.
 */
class SyntheticCaseCountTest {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

  @Test
  void casesMarkedSyntheticInThePeriodAreCounted() {
    JdbcTemplate jdbc =
        database(
            "CREATE TABLE custody_case (id INT, custody_start TIMESTAMP WITH TIME ZONE,"
                + " synthetic BOOLEAN DEFAULT FALSE NOT NULL)");
    jdbc.update(
        "INSERT INTO custody_case VALUES (1, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', TRUE),"
            + " (2, TIMESTAMP WITH TIME ZONE '2026-04-01 10:00:00+00', TRUE),"
            + " (3, TIMESTAMP WITH TIME ZONE '2026-05-01 10:00:00+00', FALSE),"
            + " (4, TIMESTAMP WITH TIME ZONE '2025-05-01 10:00:00+00', TRUE)");

    assertThat(new SyntheticCaseCount(jdbc).count(FROM, TO)).isEqualTo(2);
  }

  @Test
  void withoutTheMarkerNoCaseIsSynthetic() {
    JdbcTemplate jdbc =
        database("CREATE TABLE custody_case (id INT, custody_start TIMESTAMP WITH TIME ZONE)");
    jdbc.update(
        "INSERT INTO custody_case VALUES (1, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");

    assertThat(new SyntheticCaseCount(jdbc).count(FROM, TO)).isZero();
  }

  private static JdbcTemplate database(String ddl) {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:synthetic-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(source);
    jdbc.execute(ddl);
    return jdbc;
  }
}
