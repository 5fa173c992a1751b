// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.intake.IntakeService;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child's personal columns hold ciphertext only, bound to case and column; the application
 * reads them back in plain text.
 */
@KsiIntegrationTest
class PersonalDataAtRestIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntakeService cases;
  @Autowired FieldCipher cipher;

  @Test
  void theRawColumnsHoldNoPlainPersonalData() {
    ApiClient api = new ApiClient(port);
    String ref =
        api.as("fk-pin-1")
            .post(
                "/api/cases",
                """
        {"office": "PINNEBERG", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "Jonas", "lastName": "Geheimhaus",
         "birthDate": "2013-04-05", "gender": "MALE", "siblings": 1, "urgency": "TODAY",
         "currentLocation": "Schulhof Rellingen", "narrative": "Vater schlägt zu"}""")
            .expect(201)
            .get("caseReference")
            .asText();

    Map<String, Object> raw =
        jdbc.queryForMap(
            "SELECT first_name, last_name, birth_date, current_location, narrative FROM custody_case WHERE reference = ?",
            ref);

    assertThat(raw.values()).allSatisfy(v -> assertThat(v).asString().startsWith("v2:"));
    assertThat(raw.toString()).doesNotContain("Jonas", "Geheimhaus", "2013", "Rellingen", "Vater");
    assertThat(cases.byReference(ref).getLastName()).isEqualTo("Geheimhaus");
    assertThat(cases.byReference(ref).getBirthDate()).hasToString("2013-04-05");
    assertThat(
            api.as("fk-pin-1")
                .get("/api/cases/" + ref + "/identity")
                .expect(200)
                .get("currentLocation")
                .asText())
        .isEqualTo("Schulhof Rellingen");
    assertThatThrownBy(
            () ->
                new FieldCipher("c29tZS1vdGhlci1rZXktLS0tLS0tLS0tLS0tLS0tLS0=", false)
                    .decrypt((String) raw.get("last_name"), "custody_case/" + ref + "/last_name"))
        .hasMessageContaining("not the key");
  }

  @Test
  void aNameCopiedFromAnotherCaseInTheDatabaseIsNotReadAsThisCasesName() {
    ApiClient api = new ApiClient(port);
    String first = register(api, "Mia");
    String second = register(api, "Paul");

    jdbc.update(
        "UPDATE custody_case SET first_name = (SELECT first_name FROM custody_case WHERE reference = ?)"
            + " WHERE reference = ?",
        first,
        second);

    assertThatThrownBy(() -> cases.byReference(second))
        .hasStackTraceContaining("moved from another row or column");
    assertThat(cases.byReference(first).getFirstName()).isEqualTo("Mia");
  }

  @Test
  @SuppressWarnings("deprecation")
  void anUnboundValueOfTheFirstSchemePutIntoACaseIsNotRead() {
    // Given a case, and a name encrypted the first way (v1:, bound to no case), as an old backup of
    // another case would hold it
    ApiClient api = new ApiClient(port);
    String ref = register(api, "Ida");
    String unbound = cipher.encrypt("Fremdname");

    // When someone with write access to the database puts it into the case's row
    jdbc.update("UPDATE custody_case SET first_name = ? WHERE reference = ?", unbound, ref);

    // Then the case is not read with that name: the refusal names the column, never the name
    assertThatThrownBy(() -> cases.byReference(ref))
        .hasStackTraceContaining("custody_case/" + ref + "/first_name")
        .hasStackTraceContaining("v1:")
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("Fremdname"));
    ApiClient.Reply identity = api.as("fk-pin-1").get("/api/cases/" + ref + "/identity");
    assertThat(identity.status()).as("the identity is not shown").isNotEqualTo(200);
    assertThat(identity.body()).doesNotContain("Fremdname");
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private static String register(ApiClient api, String firstName) {
    return api.as("fk-pin-1")
        .post(
            "/api/cases",
            """
        {"office": "PINNEBERG", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "%s", "lastName": "Tausch",
         "birthDate": "2012-01-02", "gender": "FEMALE", "siblings": 1, "urgency": "TODAY",
         "currentLocation": "Bahnhof Pinneberg", "narrative": "—"}"""
                .formatted(firstName))
        .expect(201)
        .get("caseReference")
        .asText();
  }
}
