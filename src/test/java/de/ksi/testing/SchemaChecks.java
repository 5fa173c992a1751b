// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What "our schema comes from Flyway and Hibernate agrees with it" means, checked the same way on
 * every database.
 */
public final class SchemaChecks {

  private SchemaChecks() {}

  /**
   * Every migration applied successfully, none pending, and Hibernate validated (not created) the
   * schema.
   */
  public static void assertMigratedAndValidated(
      Flyway flyway, Environment environment, EntityManager entities) {
    MigrationInfo[] all = flyway.info().all();
    assertThat(all).isNotEmpty();
    assertThat(all)
        .allSatisfy(
            m ->
                assertThat(m.getState())
                    .as("migration %s", m.getVersion())
                    .isEqualTo(MigrationState.SUCCESS));
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(all).extracting(m -> m.getVersion().getVersion()).contains("1");

    assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    for (String entity : new String[] {"Provider", "Offer", "Hold", "Placement"}) {
      assertThat(
              entities
                  .createQuery("select count(e) from " + entity + " e", Long.class)
                  .getSingleResult())
          .as("entity %s maps onto the migrated table", entity)
          .isNotNegative();
    }
  }

  /**
   * The database itself refuses a free count above the licensed places and an inverted age range.
   */
  public static void assertConstraintsGuardOffers(JdbcTemplate jdbc) {
    Long provider = jdbc.queryForObject("SELECT MIN(id) FROM provider", Long.class);
    assertThat(provider).as("a provider to attach offers to").isNotNull();
    String insert =
        "INSERT INTO offer (provider_id, category, min_age, max_age, accepts_female, accepts_male,"
            + " accepts_diverse, max_siblings, licensed, reported_free, reported_at, reported_by)"
            + " VALUES (?, 'INOBHUTNAHME_GRUPPE', ?, ?, TRUE, TRUE, TRUE, 1, 4, ?, ?, 'it')";
    Timestamp now = Timestamp.from(Instant.now());

    assertThatThrownBy(() -> jdbc.update(insert, provider, 6, 17, 5, now))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update(insert, provider, 12, 6, 1, now))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update(insert, provider, 6, 17, -1, now))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
