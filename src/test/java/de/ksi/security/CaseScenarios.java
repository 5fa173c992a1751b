// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Brings cases to the point an attack needs, through the lawful paths a caseworker and a provider
 * use.
 */
final class CaseScenarios {

  /** A case as {@code POST /api/cases} answered it. */
  record Started(long caseId, String reference, String processInstanceId) {}

  /** An open provider request: its task and its hold. */
  record Request(String taskId, long holdId) {}

  private final ApiClient api;
  private final ProcessEngine engine;

  CaseScenarios(ApiClient api, ProcessEngine engine) {
    this.api = api;
    this.engine = engine;
  }

  String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  /**
   * A new case of the office, registered by one of its caseworkers, waiting in "Platz auswählen".
   */
  Started open(District office, String caseworker) {
    JsonNode created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}"""
                    .formatted(office.name()))
            .expect(201);
    return new Started(
        created.get("caseId").asLong(),
        created.get("caseReference").asText(),
        created.get("processInstanceId").asText());
  }

  /** The caseworker asks the providers of these offers for a place. */
  void request(String reference, String caseworker, long... offerIds) {
    String offers =
        Arrays.stream(offerIds)
            .mapToObj(id -> "\\\"" + id + "\\\"")
            .collect(Collectors.joining(","));
    submit(
        caseworker,
        task(reference, CaseProcess.SearchElements.CHOOSE),
        "{\"choice\": {\"value\": \"REQUEST\"}, \"selectedOffers\": {\"value\": \"["
            + offers
            + "]\", \"type\": \"Json\"}}");
  }

  /** The provider's open request of this case. */
  Request requestOf(String provider, String reference) {
    JsonNode open = api.as(provider).get("/api/requests").expect(200);
    JsonNode request =
        StreamSupport.stream(open.spliterator(), false)
            .filter(r -> reference.equals(r.path("caseReference").asText()))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no open request of " + reference + " for " + provider + ": " + open));
    return new Request(request.get("taskId").asText(), request.get("holdId").asLong());
  }

  /**
   * The provider accepts its request of this case: the child is placed, "Beendigung entscheiden"
   * opens.
   */
  void accept(String provider, String reference) {
    long holdId = requestOf(provider, reference).holdId();
    var reply = api.as(provider).post("/api/requests/" + holdId + "/accept");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  /** A new case of the office, placed with the offer's provider. */
  Started placed(District office, String caseworker, long offerId, String provider) {
    Started started = open(office, caseworker);
    request(started.reference(), caseworker, offerId);
    accept(provider, started.reference());
    return started;
  }

  String task(String reference, String key) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(task).as("open task %s of %s", key, reference).isNotNull();
    return task.getId();
  }

  /** An open legal-duties task of the case (candidate group: the office). */
  Task dutyTask(String reference, District office) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(reference)
        .processDefinitionKey(DutiesProcess.KEY)
        .taskCandidateGroup(office.groupId())
        .list()
        .stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open duty task of " + reference));
  }

  void submit(String user, String taskId, String variables) {
    var reply =
        api.as(user)
            .post(
                engineRest() + "/task/" + taskId + "/submit-form",
                "{\"variables\": " + variables + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }
}
