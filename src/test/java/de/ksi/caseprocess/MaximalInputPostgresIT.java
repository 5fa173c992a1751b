// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17: every field of every form and endpoint a case passes through at its maximal length, on
 * PostgreSQL (where the engine's {@code varchar(4000)} and our columns refuse what is too long),
 * each case run to its end: sixteen providers with the longest names, addresses and e-mail
 * addresses; an intake of twelve siblings with every text at its limit; all fifteen candidates
 * asked; declines with the longest notes over both channels; acceptance; handover; the escalation
 * to the network and to level 2; a phone placement.
 */
@PostgresIntegrationTest
class MaximalInputPostgresIT {

  private static final String LANGUAGES =
      ("Deutsch | Arabisch | Dari | Paschtu | Tigrinya | Ukrainisch | ")
          .repeat(4)
          .substring(0, 200);

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  ApiClient api;
  String caseworker;
  String coordinator;
  final List<Long> offers = new ArrayList<>();

  @BeforeEach
  void sixteenProvidersWithTheLongestMasterDataInLauenburg() {
    api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    caseworker = fixtures.user("pg-fk-hlb-" + suffix, District.HERZOGTUM_LAUENBURG.groupId());
    coordinator = fixtures.user("pg-koord-" + suffix, Groups.COORDINATORS);
    for (int i = 0; i < 16; i++) {
      String n = UUID.randomUUID().toString().replace("-", "");
      String name =
          (n + " Kinder- und Jugendnotdienst | Herzogtum Lauenburg ").repeat(4).substring(0, 200);
      String email =
          ("a" + n).repeat(3).substring(0, 64)
              + "@"
              + "b".repeat(63)
              + "."
              + "c".repeat(63)
              + ".example";
      JsonNode provider =
          api.as(coordinator)
              .post(
                  "/api/providers",
                  """
          {"name": %s, "district": "HERZOGTUM_LAUENBURG", "address": %s, "phone24h": %s, "email": %s,
           "offers": [{"category": "INOBHUTNAHME_GRUPPE", "minAge": 0, "maxAge": 27,
                       "genders": ["FEMALE", "MALE", "DIVERSE"], "maxSiblings": 12, "licensed": 500}]}"""
                      .formatted(
                          ApiClient.quote(name),
                          ApiClient.quote(("Lange Straße " + n + " ").repeat(10).substring(0, 300)),
                          ApiClient.quote(
                              "+49 (0)4541 / 555 - " + "1234567890".repeat(2).substring(0, 20)),
                          ApiClient.quote(email)))
              .expect(201);
      long offer = provider.get("offers").get(0).get("id").asLong();
      api.as(coordinator)
          .put("/api/offers/" + offer + "/availability", "{\"free\": 500}")
          .expect(200);
      offers.add(offer);
    }
  }

  @Test
  void aCaseWithEveryTextAtItsLimitIsAskedDeclinedAcceptedAndHandedOver() {
    String ref = intake("X".repeat(100));
    Task choose = task(ref, SearchElements.CHOOSE);
    String summary =
        (String)
            engine.getTaskService().getVariable(choose.getId(), CaseProcess.Vars.CANDIDATE_SUMMARY);
    assertThat(summary).hasSizeLessThan(4000);
    List<String> all = new ArrayList<>();
    ((SpinJsonNode)
            engine.getTaskService().getVariable(choose.getId(), CaseProcess.Vars.CANDIDATES))
        .elements()
        .forEach(o -> all.add("\\\"" + o.prop("value").stringValue() + "\\\""));
    assertThat(all).hasSize(15);
    // as many as a caseworker may ask at once (ksi.requests.max-parallel, default 5)
    submit(
        caseworker,
        choose,
        "{\"choice\": {\"value\": \"REQUEST\"}, \"selectedOffers\": {\"value\": \"[%s]\", \"type\": \"Json\"}}"
            .formatted(String.join(",", all.subList(0, 5))));
    List<Task> requests =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskDefinitionKey(SearchElements.ANSWER)
            .list();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(3);

    String first = providerOf(requests.get(0));
    JsonNode listed = api.as(first).get("/api/requests").expect(200);
    assertThat(listed.get(0).get("profileSummary").asText())
        .contains("Deutsch \\| Arabisch")
        .contains("| Dringlichkeit |");
    long firstHold = listed.get(0).get("holdId").asLong();
    api.as(first)
        .post(
            "/api/requests/" + firstHold + "/decline",
            "{\"reason\": \"OTHER\", \"note\": " + ApiClient.quote("Notiz | ".repeat(125)) + "}")
        .expect(204);
    submit(
        providerOf(requests.get(1)),
        requests.get(1),
        """
        {"decision": {"value": "DECLINE"}, "declineReason": {"value": "OTHER"}, "declineNote": {"value": %s}}"""
            .formatted(ApiClient.quote("ü".repeat(1000))));
    String accepting = providerOf(requests.get(2));
    submit(accepting, requests.get(2), "{\"decision\": {\"value\": \"ACCEPT\"}}");
    assertThat(status(ref)).isEqualTo("PLACED");
    assertThat(
            api.as(accepting)
                .get("/api/cases/" + ref + "/identity")
                .expect(200)
                .get("lastName")
                .asText())
        .hasSizeGreaterThan(190);

    submit(
        caseworker,
        task(ref, Elements.DECIDE_OUTCOME),
        """
        {"outcome": {"value": "HANDOVER_OFFICE"}, "handoverOffice": {"value": "EXTERN"}, "outcomeNote": {"value": %s}}"""
            .formatted(ApiClient.quote("Ä".repeat(1000))));
    submit(
        caseworker,
        task(ref, Elements.HANDOVER),
        "{\"handoverDate\": {\"value\": \"03.12.2026\"}, \"handoverNote\": {\"value\": %s}}"
            .formatted(ApiClient.quote("ß".repeat(1000))));
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void aCaseWithEveryTextAtItsLimitEscalatesToLevelTwoAndIsClosed() {
    String ref = intake(null);
    String caseInstance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .processDefinitionKey(CaseProcess.KEY)
            .singleResult()
            .getId();
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(caseInstance)
                .activityId(Elements.DISTRICT_DEADLINE)
                .singleResult()
                .getId());
    submit(coordinator, task(ref, SearchElements.CHOOSE), "{\"choice\": {\"value\": \"GIVE_UP\"}}");
    submit(
        coordinator,
        task(ref, Elements.LEVEL2_DECISION),
        """
        {"emergencyMeasure": {"value": "SONSTIGES"}, "emergencyReason": {"value": %s}, "placedProvider": {"value": %s},
         "emergencyOffer": {"value": %d}}"""
            .formatted(
                ApiClient.quote("Begründung | ".repeat(77).substring(0, 1000)),
                ApiClient.quote("Notunterkunft | ".repeat(32).substring(0, 500)),
                offers.get(15)));
    assertThat(status(ref)).isEqualTo("PLACED");

    submit(
        caseworker,
        task(ref, Elements.DECIDE_OUTCOME),
        "{\"outcome\": {\"value\": \"RETURN_HOME\"}, \"outcomeNote\": {\"value\": %s}}"
            .formatted(ApiClient.quote("n".repeat(1000))));
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void aPhonePlacementWithTheLongestNoteWhileARequestIsOpen() {
    String ref = intake(null);
    submit(caseworker, task(ref, SearchElements.CHOOSE), "{\"choice\": {\"value\": \"BEST\"}}");
    assertThat(task(ref, SearchElements.ANSWER)).isNotNull();

    api.as(caseworker)
        .post(
            "/api/cases/" + ref + "/phone-placement",
            "{\"offerId\": %d, \"note\": %s}"
                .formatted(offers.get(15), ApiClient.quote("Tel | ".repeat(90).substring(0, 500))))
        .expect(204);

    assertThat(status(ref)).isEqualTo("PLACED");
    submit(
        caseworker, task(ref, Elements.DECIDE_OUTCOME), "{\"outcome\": {\"value\": \"RAN_AWAY\"}}");
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  /**
   * An intake of twelve siblings (16 years old) with every text at its limit; gives the case
   * reference.
   */
  private String intake(String idempotencyKey) {
    String body =
        """
        {"office": "HERZOGTUM_LAUENBURG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": %s, "lastName": %s,
         "birthDate": "%s", "gender": "DIVERSE", "languages": %s, "siblings": 12,
         "needs": ["MEDICAL", "PSYCHIATRIC", "DISABILITY", "TRAUMA"], "urgency": "IMMEDIATE", "freedomRestriction": true,
         "currentLocation": %s, "narrative": %s}"""
            .formatted(
                ApiClient.quote("Anna-Lena ".repeat(20)),
                ApiClient.quote("Müller-Lüdenscheidt ".repeat(10)),
                java.time.LocalDate.now().minusYears(16).minusDays(3),
                ApiClient.quote(LANGUAGES),
                ApiClient.quote("Bahnhof | Gleis 3 ".repeat(28).substring(0, 500)),
                ApiClient.quote(
                    "Schilderung mit | und Umlauten äöü. ".repeat(120).substring(0, 4000)));
    ApiClient.Caller caller = api.as(caseworker);
    if (idempotencyKey != null) {
      caller =
          caller.with(
              "Idempotency-Key",
              idempotencyKey.substring(0, 92) + UUID.randomUUID().toString().substring(0, 8));
    }
    return caller.post("/api/cases", body).expect(201).get("caseReference").asText();
  }

  private void submit(String user, Task task, String variables) {
    var reply =
        api.as(user)
            .post(
                "/engine-rest/engine/"
                    + engine.getName()
                    + "/task/"
                    + task.getId()
                    + "/submit-form",
                "{\"variables\": " + variables + "}");
    assertThat(reply.status())
        .as("%s: %s", task.getTaskDefinitionKey(), reply.body())
        .isEqualTo(204);
  }

  /** A new login acting for the provider the request is addressed to. */
  private String providerOf(Task request) {
    return fixtures.user(
        "pg-prov-" + UUID.randomUUID().toString().substring(0, 8),
        engine.getTaskService().getIdentityLinksForTask(request.getId()).stream()
            .filter(l -> l.getGroupId() != null)
            .findFirst()
            .orElseThrow()
            .getGroupId());
  }

  private String status(String ref) {
    return api.as(caseworker).get("/api/cases/" + ref).expect(200).get("status").asText();
  }

  private Task task(String ref, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(key)
        .singleResult();
  }
}
