// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.EscalationLevel;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/lagebild: the network's places for everyone, cases and duties only of the offices the
 * caller may see.
 */
@KsiIntegrationTest
class LagebildIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired RuntimeService runtime;
  @Autowired de.ksi.capacity.CapacityRegistry registry;

  private ApiClient api;
  private String segeberg;
  private String stormarn;

  @BeforeEach
  void callers() {
    api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    segeberg = fixtures.user("it-lb-seg-" + suffix, District.SEGEBERG.groupId());
    stormarn = fixtures.user("it-lb-sto-" + suffix, District.STORMARN.groupId());
  }

  @Test
  void coordinatorsSeeWaitingChildrenOfEveryOfficeHighestLevelAndOldestFirst() {
    String first = register(segeberg, "SEGEBERG", 13);
    String second = register(stormarn, "STORMARN", 4);

    JsonNode lagebild = api.as("koordination-1").get("/api/lagebild").expect(200);

    assertThat(lagebild.get("networkWide").asBoolean()).isTrue();
    List<String> refs = references(lagebild.get("waiting"));
    assertThat(refs).contains(first, second);
    assertThat(refs.indexOf(first)).isLessThan(refs.indexOf(second));
    JsonNode child = find(lagebild.get("waiting"), first);
    assertThat(child.get("ageBand").asText()).isEqualTo("10–13");
    assertThat(child.get("escalationLevel").asText()).isEqualTo("KREIS");
    assertThat(child.get("officeLabel").asText()).isEqualTo("Kreis Segeberg");
    assertThat(child.get("processInstanceId").asText()).isNotBlank();
    assertThat(lagebild.toString()).doesNotContain("Vertraulich", "Lea", "Polizeirevier");
  }

  @Test
  void aCaseworkersLagebildShowsTheNetworksPlacesButNotOtherOfficesCases() {
    String own = register(segeberg, "SEGEBERG", 9);
    String foreign = register(stormarn, "STORMARN", 15);

    JsonNode lagebild = api.as(segeberg).get("/api/lagebild").expect(200);

    assertThat(lagebild.get("networkWide").asBoolean()).isFalse();
    assertThat(lagebild.get("offices")).hasSize(1);
    assertThat(lagebild.get("offices").get(0).asText()).isEqualTo("SEGEBERG");
    assertThat(references(lagebild.get("waiting"))).contains(own).doesNotContain(foreign);
    assertThat(lagebild.get("waiting"))
        .allSatisfy(w -> assertThat(w.get("office").asText()).isEqualTo("SEGEBERG"));
    assertThat(lagebild.get("places")).hasSize(District.values().length);
  }

  @Test
  void providersSeePlacesButNoCases() {
    register(segeberg, "SEGEBERG", 12);
    OfferView offer = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 3, 1);

    JsonNode lagebild = api.as(fixtures.providerLogin(offer.id())).get("/api/lagebild").expect(200);

    assertThat(lagebild.get("waiting")).isEmpty();
    assertThat(lagebild.get("overdueDuties")).isEmpty();
    assertThat(lagebild.get("places")).hasSize(District.values().length);
  }

  @Test
  void placesLackingStaffAndPlacesExpectedFreeAreShownApartFromTheFreePlaces() {
    JsonNode before = motherChild(api.as("koordination-1").get("/api/lagebild").expect(200));
    OfferView offer = fixtures.offer(District.NORDERSTEDT, Category.MUTTER_KIND_19, 4, 4);
    long placement =
        registry.placeDirect(offer.id(), Fixtures.newCase(District.NORDERSTEDT), 1, "it").id();
    // the report comes after the placement and counts the child: a second later, since one in the
    // placement's millisecond counts it as placed after the report (Availability)
    ClockUtil.offset(Duration.ofSeconds(1).toMillis());
    registry.reportAvailability(offer.id(), 3, 2, "it");
    api.as("fk-nor-1")
        .put(
            "/api/placements/" + placement + "/planned-end",
            "{\"at\": \""
                + Instant.now().plus(Duration.ofHours(30))
                + "\", \"reason\": \"FOLLOW_UP_HELP\"}")
        .expect(200);

    JsonNode after = motherChild(api.as("koordination-1").get("/api/lagebild").expect(200));

    assertThat(after.get("free").asInt() - before.get("free").asInt())
        .as("3 free, 2 staffed, 1 child")
        .isEqualTo(1);
    assertThat(after.get("lackingStaff").asInt() - before.get("lackingStaff").asInt()).isEqualTo(2);
    assertThat(after.get("expectedIn24h").asInt() - before.get("expectedIn24h").asInt()).isZero();
    assertThat(after.get("expectedIn7d").asInt() - before.get("expectedIn7d").asInt()).isEqualTo(1);
  }

  /**
   * The Lagebild's figures of Mutter-Kind places in Norderstedt (zero before the first such offer).
   */
  private static JsonNode motherChild(JsonNode lagebild) {
    for (JsonNode district : lagebild.get("places")) {
      if (district.get("district").asText().equals("NORDERSTEDT")) {
        for (JsonNode category : district.get("categories")) {
          if (category.get("category").asText().equals("MUTTER_KIND_19")) {
            return category;
          }
        }
      }
    }
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode()
        .put("free", 0)
        .put("lackingStaff", 0)
        .put("expectedIn24h", 0)
        .put("expectedIn7d", 0);
  }

  @Test
  void staleProvidersAreListedWithTheAgeOfTheirReport() {
    OfferView stale =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofHours(13)),
            District.NORDERSTEDT,
            Category.INOBHUTNAHME_GRUPPE,
            3,
            2);
    OfferView fresh = fixtures.offer(District.NORDERSTEDT, Category.INOBHUTNAHME_GRUPPE, 3, 2);

    JsonNode offers = api.as(segeberg).get("/api/lagebild").expect(200).get("staleOffers");

    List<Long> ids = new ArrayList<>();
    offers.forEach(o -> ids.add(o.get("offerId").asLong()));
    assertThat(ids).contains(stale.id()).doesNotContain(fresh.id());
    offers.forEach(
        o -> {
          if (o.get("offerId").asLong() == stale.id()) {
            assertThat(o.get("ageMinutes").asLong()).isGreaterThanOrEqualTo(13 * 60);
            assertThat(o.get("district").asText()).isEqualTo("NORDERSTEDT");
          }
        });
  }

  @Test
  void overdueLegalDutiesAppearForTheOfficeAndTheCoordinatorsOnly() {
    String ref = register(segeberg, "SEGEBERG", 11);
    ClockUtil.offset(Duration.ofDays(3).toMillis());

    JsonNode own = api.as(segeberg).get("/api/lagebild").expect(200);
    JsonNode coordinator = api.as("koordination-2").get("/api/lagebild").expect(200);
    JsonNode other = api.as(stormarn).get("/api/lagebild").expect(200);

    assertThat(references(own.get("overdueDuties"))).contains(ref);
    assertThat(references(coordinator.get("overdueDuties"))).contains(ref);
    assertThat(references(other.get("overdueDuties"))).doesNotContain(ref);
    JsonNode duty = find(own.get("overdueDuties"), ref);
    assertThat(duty.get("overdueMinutes").asLong()).isPositive();
    assertThat(duty.get("task").asText()).isNotBlank();
    assertThat(find(own.get("waiting"), ref).get("waitingMinutes").asLong())
        .isGreaterThanOrEqualTo(3 * 24 * 60 - 5);
  }

  @Test
  void casesAreFoundInCockpitByOfficeAndEscalationLevelUnderTheirReference() {
    String ref = register(segeberg, "SEGEBERG", 8);

    // Cockpit's instance search (business key like "SEG-%", variable escalationLevel) runs exactly
    // this query: the office is no variable, the reference begins with its code
    var found =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcess.KEY)
            .processInstanceBusinessKeyLike("SEG-%")
            .variableValueEquals(
                CaseProcess.Vars.ESCALATION_LEVEL, EscalationLevel.DISTRICT.value())
            .processInstanceBusinessKey(ref)
            .list();

    assertThat(found).hasSize(1);
  }

  @Test
  void theLagebildNeedsALogin() {
    api.anonymous().get("/api/lagebild").problem(401);
  }

  private String register(String caseworker, String office, int age) {
    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "estimatedAge": %d, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}"""
                    .formatted(office, age));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseReference").asText();
  }

  private static List<String> references(JsonNode array) {
    List<String> refs = new ArrayList<>();
    array.forEach(n -> refs.add(n.get("caseReference").asText()));
    return refs;
  }

  private static JsonNode find(JsonNode array, String reference) {
    for (JsonNode n : array) {
      if (n.get("caseReference").asText().equals(reference)) {
        return n;
      }
    }
    throw new AssertionError(reference + " not in " + array);
  }
}
