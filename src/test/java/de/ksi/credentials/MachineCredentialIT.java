// SPDX-License-Identifier: EUPL-1.2
package de.ksi.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provider's own system reports with an API credential that coordinators issue and revoke: it may
 * report and read its own offers and nothing else, every call is audited, and the secret is never
 * stored.
 */
@KsiIntegrationTest
class MachineCredentialIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private ApiClient api;
  private OfferView own;
  private OfferView foreign;
  private long credentialId;
  private String token;

  @BeforeEach
  void aCredentialForAProvider() {
    api = new ApiClient(port);
    own = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 6, 2);
    foreign = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 6, 2);
    JsonNode issued =
        api.as("koordination-1")
            .post(
                "/api/providers/" + own.providerId() + "/credentials",
                "{\"label\": \"Heimsoftware Pinneberg\"}")
            .expect(201);
    credentialId = issued.at("/credential/id").asLong();
    token = issued.get("token").asText();
  }

  @Test
  void theProvidersSystemReportsAndReadsItsOwnOffers() {
    JsonNode reported =
        machine().put("/api/offers/" + own.id() + "/availability", "{\"free\": 5}").expect(200);

    assertThat(reported.get("reportedFree").asInt()).isEqualTo(5);
    assertThat(reported.get("reportedBy").asText()).isEqualTo("api:" + credentialId);
    assertThat(machine().get("/api/offers/" + own.id()).expect(200).get("free").asInt())
        .isEqualTo(5);
    assertThat(machine().get("/api/providers/" + own.providerId()).expect(200).get("offers"))
        .hasSize(1);
  }

  @Test
  void anotherProvidersOfferIsForbiddenAndUnchanged() {
    assertThat(
            machine()
                .put("/api/offers/" + foreign.id() + "/availability", "{\"free\": 0}")
                .status())
        .isEqualTo(403);
    assertThat(machine().get("/api/offers/" + foreign.id()).status()).isEqualTo(403);
    assertThat(machine().get("/api/providers/" + foreign.providerId()).status()).isEqualTo(403);
    assertThat(machine().put("/api/offers/999999999/availability", "{\"free\": 0}").status())
        .isEqualTo(403);

    assertThat(
            api.as("koordination-1")
                .get("/api/offers/" + foreign.id())
                .expect(200)
                .get("reportedFree")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void everyOtherEndpointIsClosedToTheMachine() {
    String engineRest = "/engine-rest/engine/" + engine.getName();
    for (String path :
        List.of(
            "/api/lagebild",
            "/api/capacity/summary",
            "/api/providers",
            "/api/audit",
            "/api/providers/" + own.providerId() + "/credentials",
            "/api/platzmeldung",
            "/actuator/prometheus",
            "/v3/api-docs")) {
      assertThat(machine().get(path).status()).as(path).isEqualTo(403);
    }
    assertThat(
            machine()
                .put(
                    "/api/offers/" + own.id(),
                    """
        {"category": "INOBHUTNAHME_GRUPPE", "minAge": 0, "maxAge": 17, "genders": ["MALE"], "maxSiblings": 1,
         "licensed": 100}""")
                .status())
        .isEqualTo(403);
    assertThat(
            machine()
                .post(
                    "/api/providers/" + own.providerId() + "/credentials", "{\"label\": \"mehr\"}")
                .status())
        .isEqualTo(403);
    assertThat(machine().get(engineRest + "/task").status()).isEqualTo(401);
    assertThat(machine().get(engineRest + "/process-instance").status()).isEqualTo(401);
    assertThat(machine().get("/camunda/api/engine/engine/" + engine.getName() + "/task").status())
        .isIn(401, 403);
  }

  @Test
  void aRevokedCredentialIsRefusedAtOnce() {
    machine().put("/api/offers/" + own.id() + "/availability", "{\"free\": 3}").expect(200);

    JsonNode revoked =
        api.as("koordination-1")
            .send(
                "DELETE",
                "/api/providers/" + own.providerId() + "/credentials/" + credentialId,
                null)
            .expect(200);

    assertThat(revoked.get("active").asBoolean()).isFalse();
    assertThat(machine().put("/api/offers/" + own.id() + "/availability", "{\"free\": 1}").status())
        .isEqualTo(401);
    assertThat(machine().get("/api/offers/" + own.id()).status()).isEqualTo(401);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE actor = ? AND detail LIKE ?",
                Integer.class,
                "api:" + credentialId,
                "%→ 401%"))
        .as("refused calls are on record, at most one a minute")
        .isOne();
    assertThat(
            api.as("koordination-1")
                .get("/api/offers/" + own.id())
                .expect(200)
                .get("reportedFree")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void aWrongOrMalformedTokenIsUnauthorized() {
    String wrongSecret = token.substring(0, token.length() - 4) + "AAAA";
    for (String bad :
        List.of(wrongSecret, "ksi_" + credentialId, "nonsense", "ksi_999999_" + "A".repeat(43))) {
      var reply =
          api.anonymous()
              .with("Authorization", "Bearer " + bad)
              .put("/api/offers/" + own.id() + "/availability", "{\"free\": 0}");
      assertThat(reply.status()).as(bad).isEqualTo(401);
      assertThat(reply.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  @Test
  void everyCallIsAuditedAllowedOrNot() {
    machine().put("/api/offers/" + own.id() + "/availability", "{\"free\": 4}").expect(200);
    machine().get("/api/lagebild");

    List<Map<String, Object>> calls =
        jdbc.queryForList(
            "SELECT detail, reason FROM audit_log WHERE actor = ? AND action = 'MACHINE_CLIENT_CALL' ORDER BY id",
            "api:" + credentialId);
    assertThat(calls)
        .extracting(c -> c.get("DETAIL"))
        .containsExactly(
            "PUT /api/offers/" + own.id() + "/availability → 200", "GET /api/lagebild → 403");
    JsonNode read =
        api.as("koordination-1")
            .get("/api/providers/" + own.providerId() + "/credentials/" + credentialId + "/calls")
            .expect(200);
    assertThat(read)
        .extracting(e -> e.get("detail").asText())
        .containsExactly(
            "GET /api/lagebild → 403", "PUT /api/offers/" + own.id() + "/availability → 200");
    assertThat(
            machine()
                .get(
                    "/api/providers/"
                        + own.providerId()
                        + "/credentials/"
                        + credentialId
                        + "/calls")
                .status())
        .isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'CREDENTIAL_CHANGED'"
                    + " AND actor = 'koordination-1' AND detail LIKE ?",
                Integer.class,
                "Maschinenzugang " + credentialId + " %"))
        .isOne();
  }

  @Test
  void theSecretIsStoredOnlyAsAHashAndListedWithoutIt() {
    String stored =
        jdbc.queryForObject(
            "SELECT secret_hash FROM machine_credential WHERE id = ?", String.class, credentialId);
    assertThat(stored)
        .isEqualTo(MachineCredentials.sha256(token))
        .doesNotContain(token.substring(token.lastIndexOf('_') + 1));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM machine_credential WHERE secret_hash LIKE ?",
                Integer.class,
                "%" + token.substring(token.lastIndexOf('_') + 1) + "%"))
        .isZero();

    String listed =
        api.as("koordination-1").get("/api/providers/" + own.providerId() + "/credentials").body();
    assertThat(listed).contains("Heimsoftware Pinneberg").doesNotContain(stored, token);
  }

  @Test
  void onlyCoordinatorsIssueListAndRevoke() {
    String providerLogin = fixtures.providerLogin(own.id());
    String path = "/api/providers/" + own.providerId() + "/credentials";
    for (String user : List.of(providerLogin, "fk-seg-1", "admin")) {
      assertThat(api.as(user).post(path, "{\"label\": \"x\"}").status()).as(user).isEqualTo(403);
      assertThat(api.as(user).get(path).status()).as(user).isEqualTo(403);
      assertThat(api.as(user).send("DELETE", path + "/" + credentialId, null).status())
          .as(user)
          .isEqualTo(403);
      assertThat(api.as(user).get(path + "/" + credentialId + "/calls").status())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            api.as("koordination-1")
                .post(path, "{\"label\": \"\"}")
                .problem(400)
                .get("field")
                .asText())
        .isEqualTo("label");
  }

  private ApiClient.Caller machine() {
    return api.anonymous().with("Authorization", "Bearer " + token);
  }
}
