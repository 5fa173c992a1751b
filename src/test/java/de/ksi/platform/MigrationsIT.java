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

/** On the embedded H2 database our schema comes from the Flyway migrations and Hibernate validates it. */
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
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_PROPERTY", Integer.class)).isPositive();
  }

  @Test
  void ourTablesAreStillCreatedInADatabaseWhereTheEngineWasInstalledFirst() {
    var existing = new DriverManagerDataSource("jdbc:h2:mem:engine-first-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    var engineFirst = new JdbcTemplate(existing);
    engineFirst.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300))");

    Flyway.configure()
        .dataSource(existing)
        .locations(flywayProperties.getLocations().toArray(String[]::new))
        .baselineOnMigrate(flywayProperties.isBaselineOnMigrate())
        .baselineVersion(flywayProperties.getBaselineVersion())
        .load()
        .migrate();

    for (String table : new String[] {"PROVIDER", "OFFER", "HOLD", "PLACEMENT"}) {
      assertThat(engineFirst.queryForObject(
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?", Integer.class, table))
          .as("table %s", table).isEqualTo(1);
    }
  }
}
