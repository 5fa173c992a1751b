// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A case handed over from Segeberg to Stormarn: Segeberg's engine access ends explicitly,
 * Stormarn's begins.
 */
@KsiIntegrationTest
class OfficeHandoverIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  @Test
  void handoverRevokesTheOldOfficesGrantsAndGrantsTheNewOffice() {
    ApiClient api = new ApiClient(port);
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    JsonNode created =
        api.as("fk-seg-2")
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR3_UMA", "firstName": "Amir", "lastName": "Vertraulich",
         "estimatedAge": 15, "gender": "MALE", "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Bahnhof"}""")
            .expect(201);
    String ref = created.get("caseReference").asText();
    String main = created.get("processInstanceId").asText();
    submit(
        api,
        "fk-seg-2",
        task(ref, CaseProcess.SearchElements.CHOOSE),
        """
        {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[\\"%d\\"]", "type": "Json"}}"""
            .formatted(offer.id()));
    long holdId = api.as(provider).get("/api/requests").json().get(0).get("holdId").asLong();
    assertThat(api.as(provider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);
    String stillSegeberg = dutyTaskOf(ref, main);

    // Given Stormarn sees nothing of the Segeberg case
    assertThat(api.as("fk-sto-2").get(engineRest() + "/history/process-instance/" + main).status())
        .isIn(403, 404);

    // When Segeberg hands the child over to Stormarn
    submit(
        api,
        "fk-seg-2",
        task(ref, CaseProcess.Elements.DECIDE_OUTCOME),
        "{\"outcome\": {\"value\": \"HANDOVER_OFFICE\"}, \"handoverOffice\": {\"value\": \"STORMARN\"}}");
    submit(
        api,
        "fk-seg-2",
        task(ref, CaseProcess.Elements.HANDOVER),
        "{\"handoverDate\": {\"value\": \"01.12.2026\"}}");

    // Then Segeberg's grants on every instance, task and historic task of the case are gone
    List<String> instances =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    List<String> taskIds =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(ref)
            .list()
            .stream()
            .map(HistoricTaskInstance::getId)
            .toList();
    assertThat(instances).hasSizeGreaterThanOrEqualTo(3);
    assertThat(grantsOf(District.SEGEBERG.groupId()))
        .noneMatch(
            a -> instances.contains(a.getResourceId()) || taskIds.contains(a.getResourceId()));
    assertThat(api.as("fk-seg-2").get(engineRest() + "/history/process-instance/" + main).status())
        .isIn(403, 404);
    assertThat(
            api.as("fk-seg-2")
                .get(engineRest() + "/history/variable-instance?processInstanceId=" + main)
                .json())
        .isEmpty();
    assertThat(
            api.as("fk-seg-2")
                .get(engineRest() + "/history/task?processInstanceBusinessKey=" + ref)
                .json())
        .isEmpty();
    assertThat(
            api.as("fk-seg-2").get(engineRest() + "/task?processInstanceBusinessKey=" + ref).json())
        .isEmpty();
    assertThat(api.as("fk-seg-2").get(engineRest() + "/task/" + stillSegeberg).status())
        .isIn(403, 404);
    assertThat(api.as("fk-seg-2").get("/api/cases/" + ref + "/identity").status()).isEqualTo(404);

    // And Stormarn reads the case's history and works its open tasks
    assertThat(api.as("fk-sto-2").get(engineRest() + "/history/process-instance/" + main).status())
        .isEqualTo(200);
    assertThat(
            api.as("fk-sto-2")
                .get("/api/cases/" + ref + "/identity")
                .expect(200)
                .get("lastName")
                .asText())
        .isEqualTo("Vertraulich");
    assertThat(
            api.as("fk-sto-2")
                .get(engineRest() + "/history/task?processInstanceBusinessKey=" + ref)
                .json())
        .hasSize(taskIds.size());
    List<Task> open =
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref).list();
    assertThat(
            api.as("fk-sto-2").get(engineRest() + "/task?processInstanceBusinessKey=" + ref).json())
        .hasSize(open.size());
  }

  @Test
  void everyInstanceOfACaseIsGrantedToItsOfficeOnceAlsoWhenItsStartEventRunsAgain() {
    ApiClient api = new ApiClient(port);
    String ref =
        api.as("fk-sto-2")
            .post(
                "/api/cases",
                """
        {"office": "STORMARN", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "Ida", "lastName": "Einmal",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Schule"}""")
            .expect(201)
            .get("caseReference")
            .asText();
    List<String> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .list()
            .stream()
            .map(i -> i.getId())
            .toList();
    assertThat(instances).as("case, place search, legal duties").hasSize(3);
    assertThat(grantsOf(District.STORMARN.groupId()))
        .filteredOn(a -> instances.contains(a.getResourceId()))
        .as("one grant on each running and each historic instance")
        .hasSize(6);

    // a process owner's modification runs the duties' start event again: its grants exist, none is
    // added
    String duties =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .processDefinitionKey(de.ksi.deadlines.DutiesProcess.KEY)
            .singleResult()
            .getId();
    engine
        .getRuntimeService()
        .createProcessInstanceModification(duties)
        .startBeforeActivity("StartEvent_DutiesStarted")
        .execute();

    assertThat(grantsOf(District.STORMARN.groupId()))
        .filteredOn(a -> instances.contains(a.getResourceId()))
        .hasSize(6);
  }

  private List<Authorization> grantsOf(String groupId) {
    return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(groupId).list();
  }

  /** An open legal-duties task of the office: it outlives the handover. */
  private String dutyTaskOf(String ref, String main) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskCandidateGroup(District.SEGEBERG.groupId())
        .list()
        .stream()
        .filter(t -> !t.getProcessInstanceId().equals(main))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private String task(String ref, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  private void submit(ApiClient api, String user, String taskId, String variables) {
    var reply =
        api.as(user)
            .post(
                engineRest() + "/task/" + taskId + "/submit-form",
                "{\"variables\": " + variables + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }
}
