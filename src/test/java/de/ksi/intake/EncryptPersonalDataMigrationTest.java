// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.security.FieldCipher;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Flyway V5 encrypts the personal data of cases registered before encryption existed. */
class EncryptPersonalDataMigrationTest {

  private final FieldCipher cipher = new FieldCipher(FieldCipher.DEMO_KEY, true);
  private final DriverManagerDataSource database =
      new DriverManagerDataSource("jdbc:h2:mem:v5-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  private final JdbcTemplate jdbc = new JdbcTemplate(database);

  @Test
  @SuppressWarnings("deprecation")
  void plainPersonalDataWrittenBeforeV5IsEncryptedInPlace() {
    flyway("4").migrate();
    jdbc.update(
        """
        INSERT INTO custody_case (reference, office, legal_ground, first_name, last_name, birth_date, age, gender,
          siblings, needs, urgency, freedom_restriction, current_location, narrative, custody_start, created_by, status,
          escalation_level)
        VALUES ('SEG-2026-0001', 'SEGEBERG', 'NR2_DRINGENDE_GEFAHR', 'Lea', 'Altbestand', DATE '2014-06-01', 12, 'FEMALE',
          1, '', 'TODAY', FALSE, 'Jugendamt', 'alt', CURRENT_TIMESTAMP, 'fk-seg-1', 'OPEN', 'KREIS')""");

    flyway("5").migrate();

    Map<String, Object> raw =
        jdbc.queryForMap(
            "SELECT first_name, last_name, birth_date, current_location, narrative FROM custody_case");
    assertThat(raw.values()).allSatisfy(v -> assertThat(v).asString().startsWith("v1:"));
    assertThat(cipher.decryptUnbound((String) raw.get("LAST_NAME"))).isEqualTo("Altbestand");
    assertThat(cipher.decryptUnbound((String) raw.get("BIRTH_DATE"))).isEqualTo("2014-06-01");
    assertThat(cipher.decryptUnbound((String) raw.get("NARRATIVE"))).isEqualTo("alt");
  }

  @Test
  void v25BindsEveryOldValueToItsCaseAndColumn() {
    flyway("4").migrate();
    insertCase("SEG-2026-0001", "Lea");
    insertCase("SEG-2026-0002", "Mats");
    flyway("5").migrate();

    flyway("26").migrate();

    Map<String, Object> lea =
        jdbc.queryForMap("SELECT * FROM custody_case WHERE reference = 'SEG-2026-0001'");
    for (String column : V26__BindPersonalDataToCase.COLUMNS) {
      assertThat(lea.get(column.toUpperCase())).asString().startsWith("v2:");
    }
    assertThat(
            cipher.decrypt(
                (String) lea.get("FIRST_NAME"), CustodyCase.place("SEG-2026-0001", "first_name")))
        .isEqualTo("Lea");
    assertThat(
            cipher.decrypt(
                (String) lea.get("BIRTH_DATE"), CustodyCase.place("SEG-2026-0001", "birth_date")))
        .isEqualTo("2014-06-01");
    assertThatThrownBy(
            () ->
                cipher.decrypt(
                    (String) lea.get("FIRST_NAME"),
                    CustodyCase.place("SEG-2026-0002", "first_name")))
        .as("Lea's name copied to Mats' row")
        .isInstanceOf(IllegalStateException.class);
  }

  private void insertCase(String reference, String firstName) {
    jdbc.update(
        """
        INSERT INTO custody_case (reference, office, legal_ground, first_name, last_name, birth_date, age, gender,
          siblings, needs, urgency, freedom_restriction, current_location, narrative, custody_start, created_by, status,
          escalation_level)
        VALUES (?, 'SEGEBERG', 'NR2_DRINGENDE_GEFAHR', ?, 'Altbestand', DATE '2014-06-01', 12, 'FEMALE',
          1, '', 'TODAY', FALSE, 'Jugendamt', 'alt', CURRENT_TIMESTAMP, 'fk-seg-1', 'OPEN', 'KREIS')""",
        reference,
        firstName);
  }

  private Flyway flyway(String target) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        .javaMigrations(
            new V5__EncryptPersonalData(cipher), new V26__BindPersonalDataToCase(cipher))
        .target(target)
        .load();
  }
}
