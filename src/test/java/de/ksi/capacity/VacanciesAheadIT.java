// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.audit.AuditLog;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Planned ends of placements: set by the case's office, audited, shown as vacancies ahead, never
 * free now.
 */
@KsiIntegrationTest
class VacanciesAheadIT {

  private static final String CRITERIA =
      "?district=PINNEBERG&category=EINGLIEDERUNGSHILFE_35A&age=10&gender=FEMALE";
  private static final String BODY = "{\"at\": \"%s\", \"reason\": \"%s\"}";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired AuditLog audit;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void placesExpectedFreeIn24HoursAndIn7DaysAreShownApartAndNeverCountedAsFreeNow() {
    OfferView offer = fixtures.offer(District.PINNEBERG, Category.EINGLIEDERUNGSHILFE_35A, 3, 3);
    String soonCase = Fixtures.newCase(District.PINNEBERG);
    long soon = registry.placeDirect(offer.id(), soonCase, 2, "it").id();
    long later =
        registry.placeDirect(offer.id(), Fixtures.newCase(District.PINNEBERG), 1, "it").id();
    int expected24h = district().get("expectedIn24h").asInt();

    JsonNode planned =
        api.as("fk-pin-1")
            .put(
                plannedEnd(soon),
                BODY.formatted(Instant.now().plus(Duration.ofHours(10)), "FOLLOW_UP_HELP"))
            .expect(200);
    api.as("fk-pin-2")
        .put(
            plannedEnd(later),
            BODY.formatted(Instant.now().plus(Duration.ofDays(3)), "RETURN_HOME"))
        .expect(200);

    assertThat(planned.get("plannedEndReason").asText()).isEqualTo("FOLLOW_UP_HELP");
    assertThat(api.as("fk-pin-1").get("/api/offers/" + offer.id()).expect(200).get("free").asInt())
        .isZero();
    assertThat(candidate(offer.id())).as("no place is free now").isEmpty();
    JsonNode ahead = vacancyAhead(offer.id()).orElseThrow();
    assertThat(ahead.get("within24h").asInt()).isEqualTo(2);
    assertThat(ahead.get("within7d").asInt()).isEqualTo(3);
    assertThat(district().get("expectedIn24h").asInt()).isEqualTo(expected24h + 2);
    assertThat(audit.forCase(soonCase))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditLog.Action.PLACEMENT_END_PLANNED);
              assertThat(e.actor()).isEqualTo("fk-pin-1");
              assertThat(e.reason()).isEqualTo("Wechsel in Folgehilfe");
            });

    registry.endPlacement(later, "RETURN_HOME", "it");
    JsonNode candidate = candidate(offer.id()).orElseThrow();

    assertThat(candidate.get("free").asInt()).isEqualTo(1);
    assertThat(StaffedPlacesIT.texts(candidate.get("reasons")))
        .contains(
            "Voraussichtlich frei (geplantes Ende, jetzt nicht frei): 2 in 24 Std., 2 in 7 Tagen");

    api.as("fk-pin-1").send("DELETE", plannedEnd(soon), null).expect(200);
    assertThat(vacancyAhead(offer.id())).isEmpty();
  }

  @Test
  void onlyTheCasesOfficePlansTheEndAndBadInputIsRefusedNamingTheField() {
    OfferView offer = fixtures.offer(District.PINNEBERG, Category.EINGLIEDERUNGSHILFE_35A, 2, 2);
    long placement =
        registry.placeDirect(offer.id(), Fixtures.newCase(District.PINNEBERG), 1, "it").id();
    String tomorrow = BODY.formatted(Instant.now().plus(Duration.ofDays(1)), "RETURN_HOME");

    api.as("fk-seg-1").put(plannedEnd(placement), tomorrow).problem(404);
    api.as(fixtures.providerLogin(offer.id())).put(plannedEnd(placement), tomorrow).problem(403);
    JsonNode coordinator =
        api.as("koordination-1").put(plannedEnd(placement), tomorrow).problem(403);
    JsonNode past =
        api.as("fk-pin-1")
            .put(
                plannedEnd(placement),
                BODY.formatted(Instant.now().minus(Duration.ofHours(1)), "RETURN_HOME"))
            .problem(400);
    JsonNode german =
        api.as("fk-pin-1")
            .inGerman()
            .put(
                plannedEnd(placement),
                BODY.formatted(Instant.now().minus(Duration.ofHours(1)), "RETURN_HOME"))
            .problem(400);
    JsonNode reason =
        api.as("fk-pin-1")
            .put(
                plannedEnd(placement),
                BODY.formatted(Instant.now().plus(Duration.ofDays(1)), "URLAUB"))
            .problem(400);

    assertThat(coordinator.get("code").asText())
        .isEqualTo("problem.placement.planned-end-forbidden");
    assertThat(past.get("detail").asText()).startsWith("at must lie in the future");
    assertThat(german.get("detail").asText())
        .startsWith("Das geplante Ende muss in der Zukunft liegen");
    assertThat(reason.toString()).contains("reason");
    assertThat(
            api.as("fk-pin-1")
                .get("/api/placements/" + placement)
                .expect(200)
                .hasNonNull("plannedEndAt"))
        .isFalse();
  }

  private static String plannedEnd(long placement) {
    return "/api/placements/" + placement + "/planned-end";
  }

  private Optional<JsonNode> candidate(long offerId) {
    JsonNode all = api.as("fk-pin-1").get("/api/capacity/search" + CRITERIA).expect(200);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(c -> c.get("offerId").asLong() == offerId)
        .findFirst();
  }

  private Optional<JsonNode> vacancyAhead(long offerId) {
    JsonNode all = api.as("fk-pin-1").get("/api/capacity/vacancies-ahead" + CRITERIA).expect(200);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(v -> v.get("offerId").asLong() == offerId)
        .findFirst();
  }

  private JsonNode district() {
    JsonNode all = api.as("koordination-1").get("/api/capacity/summary").expect(200);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(d -> d.get("district").asText().equals("PINNEBERG"))
        .findFirst()
        .orElseThrow();
  }
}
