// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may call what: 401 without valid credentials on every API, 403 for missing rights, 404 for
 * hidden holds.
 */
@KsiIntegrationTest
class ApiAccessIT {

  private static final String NEW_PROVIDER =
      """
      {"name": "Kinderschutzhaus %s (IT)", "district": "PINNEBERG", "address": "Am Markt 1, 25421 Pinneberg",
       "phone24h": "04101 555 0", "email": "aufnahme@test.example.org",
       "offers": [{"category": "INOBHUTNAHME_GRUPPE", "minAge": 6, "maxAge": 17, "genders": ["FEMALE", "MALE"],
                   "maxSiblings": 2, "licensed": 6}]}""";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/providers",
        "/api/capacity/summary",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/engine-rest/{engine}/process-definition",
        "/engine-rest/{engine}/task",
        "/actuator/metrics",
        "/actuator/prometheus"
      })
  void withoutCredentialsEveryApiAnswers401AndAsksForBasicAuthentication(String path) {
    ApiClient.Reply reply = api.anonymous().get(engine(path));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/providers", "/v3/api-docs", "/engine-rest/{engine}/process-definition"})
  void aWrongPasswordOrAnUnknownUserIsRefusedWith401(String path) {
    String user =
        fixtures.user("it-wrong-" + Math.abs(path.hashCode()), District.NORDERSTEDT.groupId());

    assertThat(api.as(user, "falsch").get(engine(path)).status()).isEqualTo(401);
    assertThat(api.as("niemand", "demo").get(engine(path)).status()).isEqualTo(401);
  }

  @Test
  void theApiExplainsA401AsAProblemInTheCallersLanguage() {
    JsonNode english = api.anonymous().get("/api/providers").problem(401);
    JsonNode german = api.anonymous().inGerman().get("/api/providers").problem(401);

    assertThat(english.get("detail").asText())
        .isEqualTo(
            "Authentication required: send HTTP Basic credentials of a user of the network.");
    assertThat(german.get("detail").asText()).startsWith("Anmeldung erforderlich");
  }

  @Test
  void withValidCredentialsTheApiTheEngineAndTheOpenApiDocumentAnswer() {
    assertThat(api.as("fk-seg-1").get("/api/providers").expect(200).size())
        .isGreaterThanOrEqualTo(40);
    assertThat(api.as("fk-seg-1").get(engine("/engine-rest/{engine}/process-definition")).status())
        .isEqualTo(200);

    JsonNode openApi = api.as("fk-seg-1").get("/v3/api-docs").expect(200);
    assertThat(openApi.get("paths").fieldNames())
        .toIterable()
        .contains(
            "/api/providers",
            "/api/providers/{id}",
            "/api/offers/{id}/availability",
            "/api/capacity/search",
            "/api/capacity/summary",
            "/api/holds",
            "/api/holds/{id}/release");
    assertThat(openApi.get("paths").fieldNames())
        .toIterable()
        .as("holds become placements only through the provider's request")
        .doesNotContain("/api/holds/{id}/confirm");
  }

  @Test
  void healthIsOpenToLoadBalancersWithoutCredentials() {
    assertThat(api.anonymous().get("/actuator/health").expect(200).get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health/liveness").expect(200).get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  @Test
  void metricsAreForAdministratorsAndCoordinatorsOnly() {
    assertThat(api.as("fk-seg-2").get("/actuator/metrics").problem(403).get("detail").asText())
        .isEqualTo("You are not allowed to do this.");
    api.as("einrichtung-sto").get("/actuator/metrics").problem(403);
    api.as("prozess-1").get("/actuator/metrics").problem(403);

    assertThat(api.as("koordination-2").get("/actuator/metrics").expect(200).get("names"))
        .isNotEmpty();
    assertThat(api.as("admin").get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(200);
  }

  @Test
  void onlyCoordinatorsAndAdministratorsRegisterAndChangeProviders() {
    int providers = count("provider");

    JsonNode refused =
        api.as("fk-seg-1").post("/api/providers", NEW_PROVIDER.formatted("Verboten")).problem(403);
    assertThat(refused.get("code").asText()).isEqualTo("problem.provider.master-data-forbidden");
    assertThat(
            api.as("fk-seg-1")
                .inGerman()
                .post("/api/providers", NEW_PROVIDER.formatted("Verboten"))
                .problem(403)
                .get("detail")
                .asText())
        .startsWith("Stammdaten von Trägern ändern nur");
    api.as("einrichtung-seg")
        .post("/api/providers", NEW_PROVIDER.formatted("Verboten"))
        .problem(403);
    assertThat(count("provider")).isEqualTo(providers);

    JsonNode created =
        api.as("koordination-1")
            .post("/api/providers", NEW_PROVIDER.formatted("Koordiniert"))
            .expect(201);
    assertThat(created.get("offers")).hasSize(1);
    assertThat(created.get("offers").get(0).get("free").asInt()).isEqualTo(6);
    String group = created.get("groupId").asText();
    assertThat(group).startsWith("traeger-kinderschutzhaus-koordiniert");
    assertThat(identity.createGroupQuery().groupId(group).count())
        .as("the provider's Camunda group")
        .isEqualTo(1);
    api.as("admin").post("/api/providers", NEW_PROVIDER.formatted("Administriert")).expect(201);

    String update =
        """
        {"name": "Umbenannt (IT)", "district": "PINNEBERG", "address": "Am Markt 2, 25421 Pinneberg",
         "phone24h": "04101 555 1", "email": "neu@test.example.org"}""";
    api.as("fk-pin-1").put("/api/providers/" + created.get("id").asLong(), update).problem(403);
    assertThat(
            api.as("koordination-2")
                .put("/api/providers/" + created.get("id").asLong(), update)
                .expect(200)
                .get("name")
                .asText())
        .isEqualTo("Umbenannt (IT)");
  }

  @Test
  void onlyTheProviderItselfAndCoordinatorsReportAnOffersFreePlaces() {
    OfferView own = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 8, 4);
    OfferView other = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 8, 4);
    String provider = fixtures.providerLogin(own.id());

    JsonNode refused =
        api.as(provider)
            .put("/api/offers/" + other.id() + "/availability", "{\"free\": 0}")
            .problem(403);
    assertThat(refused.get("code").asText()).isEqualTo("problem.offer.report-forbidden");
    assertThat(refused.get("detail").asText())
        .isEqualTo(
            "Only the provider of offer "
                + other.id()
                + " and coordinators may report its free places.");
    api.as("fk-sto-1")
        .put("/api/offers/" + other.id() + "/availability", "{\"free\": 0}")
        .problem(403);
    assertThat(reportedFree(other.id())).isEqualTo(4);

    api.as(provider).put("/api/offers/" + own.id() + "/availability", "{\"free\": 1}").expect(200);
    api.as("koordination-1")
        .put("/api/offers/" + other.id() + "/availability", "{\"free\": 2}")
        .expect(200);
    assertThat(reportedFree(own.id())).isEqualTo(1);
    assertThat(reportedFree(other.id())).isEqualTo(2);
  }

  @Test
  void caseworkersHoldPlacesOnlyForCasesOfTheirOwnOffice() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 4);
    String stormarnCase = Fixtures.newCase(District.STORMARN);
    String hold = "{\"offerId\": %d, \"caseReference\": \"%s\"}";

    JsonNode refused =
        api.as("fk-seg-1")
            .post("/api/holds", hold.formatted(offer.id(), stormarnCase))
            .problem(403);
    assertThat(refused.get("code").asText()).isEqualTo("problem.hold.case-forbidden");
    assertThat(refused.get("detail").asText()).contains(stormarnCase);
    api.as(fixtures.providerLogin(offer.id()))
        .post("/api/holds", hold.formatted(offer.id(), stormarnCase))
        .problem(403);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM hold WHERE case_reference = ?", Integer.class, stormarnCase))
        .isZero();

    api.as("fk-sto-2").post("/api/holds", hold.formatted(offer.id(), stormarnCase)).expect(201);
    api.as("koordination-2")
        .post("/api/holds", hold.formatted(offer.id(), Fixtures.newCase(District.NORDERSTEDT)))
        .expect(201);
  }

  @Test
  void aHoldIsVisibleToTheCasesOfficeTheProviderAskedAndCoordinatorsOnly() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 4);
    OfferView otherOffer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 4);
    String provider = fixtures.providerLogin(offer.id());
    String otherProvider = fixtures.providerLogin(otherOffer.id());
    long holdId =
        api.as("fk-seg-1")
            .post(
                "/api/holds",
                "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201)
            .get("id")
            .asLong();
    String path = "/api/holds/" + holdId;

    api.as("fk-seg-2").get(path).expect(200);
    api.as(provider).get(path).expect(200);
    api.as("koordination-1").get(path).expect(200);
    assertThat(api.as("fk-sto-1").get(path).problem(404).get("detail").asText())
        .isEqualTo("Hold " + holdId + " does not exist.");
    api.as(otherProvider).get(path).problem(404);
    api.as("fk-sto-1").post(path + "/release").problem(404);
    api.as(otherProvider).post(path + "/release").problem(404);
    assertThat(api.as("fk-seg-2").post(path + "/confirm").status())
        .as("no confirm behind the process's back")
        .isIn(404, 405);
    assertThat(api.as("fk-seg-2").post(path + "/decline", "{\"reason\": \"OTHER\"}").status())
        .isIn(404, 405);
    assertThat(api.as("koordination-1").get(path).expect(200).get("status").asText())
        .isEqualTo("HELD");
  }

  /**
   * Paths of the engine's REST API name the engine: tests give it a unique name, so there is no
   * engine called "default" to answer {@code /engine-rest/process-definition}.
   */
  private String engine(String path) {
    return path.replace("{engine}", "engine/" + engine.getName());
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  private int reportedFree(long offerId) {
    return jdbc.queryForObject(
        "SELECT reported_free FROM offer WHERE id = ?", Integer.class, offerId);
  }
}
