// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.caseprocess.CaseIntake.StartedCase;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Intake requests as the tests register them: a girl with one sibling who needs trauma care, and
 * the registration over {@code POST /api/cases}.
 */
public final class Intakes {

  private Intakes() {}

  /** Mia Muster, taken in at the police station, with a short narrative. */
  public static IntakeRequest request(
      District office, LegalGround ground, int age, Gender gender, Urgency urgency) {
    return new IntakeRequest(
        office,
        ground,
        "Mia",
        "Muster",
        null,
        age,
        gender,
        "deutsch",
        1,
        Set.of(Need.TRAUMA),
        urgency,
        false,
        "Polizeirevier",
        "Schilderung",
        null);
  }

  /** A girl in Segeberg in urgent danger (§ 42 Nr. 2), to be placed at once, found at a place. */
  public static IntakeRequest urgentInSegeberg(
      String firstName, String lastName, int age, String location) {
    return new IntakeRequest(
        District.SEGEBERG,
        LegalGround.NR2_DRINGENDE_GEFAHR,
        firstName,
        lastName,
        null,
        age,
        Gender.FEMALE,
        "Deutsch",
        1,
        Set.of(Need.TRAUMA),
        Urgency.IMMEDIATE,
        false,
        location,
        null,
        null);
  }

  /**
   * The least {@code POST /api/cases} takes: an unnamed girl of twelve in urgent danger (§ 42 Nr.
   * 2) at the police station, to be placed at once.
   */
  public static String urgentGirl(District office) {
    return """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 12, "gender": "FEMALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier"}"""
        .formatted(office.name());
  }

  /**
   * Registers {@link #urgentGirl} over {@code POST /api/cases} as the caseworker; gives the answer
   * (caseId, caseReference, processInstanceId).
   */
  public static JsonNode registerUrgentGirl(ApiClient.Caller caseworker, District office) {
    return caseworker.post("/api/cases", urgentGirl(office)).expect(201);
  }

  /** The same, giving the new case's reference. */
  public static String newCase(ApiClient.Caller caseworker, District office) {
    return registerUrgentGirl(caseworker, office).get("caseReference").asText();
  }

  /** Registers the case over {@code POST /api/cases} as the caseworker (password "demo"). */
  public static StartedCase register(
      TestRestTemplate rest, String caseworker, IntakeRequest request) {
    ResponseEntity<StartedCase> response =
        rest.withBasicAuth(caseworker, ApiClient.PASSWORD)
            .postForEntity("/api/cases", request, StartedCase.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody();
  }
}
