// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.SchemaChecks;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On the embedded H2 database our schema comes from the Flyway migrations and Hibernate validates
 * it.
 */
@KsiIntegrationTest
class MigrationsIT {

  @Autowired Flyway flyway;
  @Autowired Environment environment;
  @Autowired EntityManager entities;
  @Autowired JdbcTemplate jdbc;
  @Autowired FlywayProperties flywayProperties;

  @Test
  void theMigrationsApplyOnH2AndHibernateValidatesTheSchema() {
    assertThat(jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();

    SchemaChecks.assertMigratedAndValidated(flyway, environment, entities);
  }

  @Test
  void h2RefusesOffersThatBreakTheSchemasRules() {
    SchemaChecks.assertConstraintsGuardOffers(jdbc);
  }

  @Test
  void theEngineCreatedItsOwnTablesNextToOurs() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY", Integer.class))
        .isPositive();
  }

  @Test
  void ourTablesAreStillCreatedInADatabaseWhereTheEngineWasInstalledFirst() {
    var existing =
        new DriverManagerDataSource(
            "jdbc:h2:mem:engine-first-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    var engineFirst = new JdbcTemplate(existing);
    engineFirst.execute(
        "CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300))");

    migrate(existing, "latest");

    for (String table : new String[] {"PROVIDER", "OFFER", "HOLD", "PLACEMENT"}) {
      assertThat(
              engineFirst.queryForObject(
                  "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?",
                  Integer.class,
                  table))
          .as("table %s", table)
          .isEqualTo(1);
    }
  }

  @Test
  void placementsStoredBeforeV24MarkTheirOffersSoTheSearchStillCountsThem() {
    var existing =
        new DriverManagerDataSource(
            "jdbc:h2:mem:before-v24-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    var before = new JdbcTemplate(existing);
    migrate(existing, "23");
    before.update(
        "INSERT INTO provider (id, name, district, address, phone_24h, email, group_id, created_at, updated_at)"
            + " VALUES (1, 'Haus', 'SEGEBERG', 'Weg 1', '0', 'a@b.de', 'p1', NOW(), NOW())");
    for (int offer = 1; offer <= 3; offer++) {
      before.update(
          "INSERT INTO offer (id, provider_id, category, min_age, max_age, accepts_female, accepts_male,"
              + " accepts_diverse, max_siblings, licensed, reported_free, reported_at, reported_by)"
              + " VALUES (?, 1, 'INOBHUTNAHME_GRUPPE', 0, 17, TRUE, TRUE, TRUE, 1, 4, 2, TIMESTAMP WITH TIME ZONE"
              + " '2026-03-01 10:00:00+00', 'p1')",
          offer);
    }
    String placement =
        "INSERT INTO placement (offer_id, case_reference, places, started_at, ended_at, created_by)"
            + " VALUES (?, 'SE-2026-1', 1, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), 'x')";
    before.update(placement, 1, "2026-03-01 11:00:00+00", null);
    before.update(placement, 1, "2026-02-01 11:00:00+00", "2026-03-02 09:00:00+00");
    before.update(placement, 2, "2026-01-01 11:00:00+00", "2026-02-01 11:00:00+00");

    migrate(existing, "24");

    assertThat(
            before.queryForList(
                "SELECT id, placements_moved_at > reported_at AS moved FROM offer ORDER BY id"))
        .extracting(row -> row.get("MOVED"))
        .as("offer 1: placements since the report; 2: only before; 3: none")
        .containsExactly(true, false, null);
    assertThat(
            before.queryForObject(
                "SELECT placements_moved_at FROM offer WHERE id = 1",
                java.time.OffsetDateTime.class))
        .isEqualTo(java.time.OffsetDateTime.parse("2026-03-02T09:00:00Z"));
  }

  private void migrate(DriverManagerDataSource database, String version) {
    Flyway.configure()
        .dataSource(database)
        .locations(flywayProperties.getLocations().toArray(String[]::new))
        .baselineOnMigrate(flywayProperties.isBaselineOnMigrate())
        .baselineVersion(flywayProperties.getBaselineVersion())
        .target(version)
        .load()
        .migrate();
  }
}
