// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.SearchCriteria;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import de.ksi.testing.SchemaChecks;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, as in production: the same migrations, Hibernate validates, no demo data, queries
 * run.
 */
@PostgresIntegrationTest
class MigrationsPostgresIT {

  @Autowired Flyway flyway;
  @Autowired Environment environment;
  @Autowired EntityManager entities;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired Fixtures fixtures;
  @Autowired CapacitySearch search;

  @Test
  void theMigrationsApplyOnPostgresAndHibernateValidatesTheSchema() {
    assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
        .startsWith("ksi_it_");
    assertThat(jdbc.queryForObject("SHOW server_version", String.class)).isNotBlank();

    SchemaChecks.assertMigratedAndValidated(flyway, environment, entities);
  }

  @Test
  void postgresRefusesOffersThatBreakTheSchemasRules() {
    fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 4);

    SchemaChecks.assertConstraintsGuardOffers(jdbc);
  }

  @Test
  void thePostgresProfileStartsWithoutDemoDataButWithTheNetworksGroups() {
    assertThat(identity.createUserQuery().userId("fk-seg-1").count()).isZero();
    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM provider WHERE name LIKE '%(Demo)'", Integer.class))
        .isZero();

    assertThat(
            identity
                .createGroupQuery()
                .groupIdIn(
                    Groups.ADMINS,
                    Groups.COORDINATORS,
                    Groups.PROCESS_OWNERS,
                    District.SEGEBERG.groupId(),
                    District.NORDERSTEDT.groupId())
                .count())
        .isEqualTo(5);
  }

  @Test
  void theSearchAndTheLagebildRunOnPostgres() {
    var offer = fixtures.offer(District.PINNEBERG, Category.CLEARING_UMA, 8, 3);

    var found =
        search.search(
            new SearchCriteria(
                District.PINNEBERG, false, List.of(Category.CLEARING_UMA), 15, Gender.DIVERSE, 2));

    assertThat(found.candidates())
        .anySatisfy(
            c -> {
              assertThat(c.offerId()).isEqualTo(offer.id());
              assertThat(c.free()).isEqualTo(3);
              assertThat(c.stale()).isFalse();
            });
    assertThat(search.summary())
        .filteredOn(d -> d.district() == District.PINNEBERG)
        .singleElement()
        .satisfies(d -> assertThat(d.free()).isGreaterThanOrEqualTo(3));
  }
}
