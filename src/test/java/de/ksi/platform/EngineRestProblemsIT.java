// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, defects 2 and 5: what {@code /engine-rest} answers when a form submission loses a race
 * or a job fails. Our problems are answered with their status and code as on {@code /api}; a
 * failing job is not "not found".
 */
@KsiIntegrationTest
class EngineRestProblemsIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProcessEngine engine;

  ApiClient api;
  String caseworker;

  @BeforeEach
  void caseworker() {
    api = new ApiClient(port);
    caseworker = fixtures.caseworker(District.SEGEBERG);
  }

  @Test
  void anAcceptanceThroughTheFormThatLostTheRaceIsAConflictWithItsCode() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String ref = requestCase(offer.id());
    String task = fixtures.openTask(ref, CaseProcess.SearchElements.ANSWER);
    // another provider of the case accepted a moment earlier: this request's hold was released with
    // it
    registry.release(registry.holdsOf(ref).get(0).id(), "fk-seg-2");

    var answer =
        api.as(provider)
            .inGerman()
            .post(
                engineRest() + "/task/" + task + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"ACCEPT\"}}}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(409);
    JsonNode body = answer.json();
    assertThat(body.get("type").asText()).isEqualTo("IllegalHoldStateException");
    assertThat(body.get("code").asText()).isEqualTo("problem.hold.illegal-state");
    assertThat(body.get("message").asText()).contains("Reservierung").contains("RELEASED");
    var overApi =
        api.as(provider).post("/api/requests/" + registry.holdsOf(ref).get(0).id() + "/accept");
    assertThat(overApi.status()).as(overApi.body()).isEqualTo(409);
  }

  @Test
  void aJobThatFailsIsAServerFailureNotAJobThatDoesNotExist() {
    String ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
    String instance = fixtures.caseInstance(ref);
    // a deadline nobody can parse: escalating to the network fails inside the engine
    engine.getRuntimeService().setVariable(instance, CaseProcess.Vars.NETWORK_DEADLINE, "bald");
    String job = fixtures.job(instance, CaseProcess.Elements.DISTRICT_DEADLINE).getId();

    var failed = api.as("admin").post(engineRest() + "/job/" + job + "/execute");
    var unknown = api.as("admin").post(engineRest() + "/job/" + UUID.randomUUID() + "/execute");

    assertThat(failed.status()).as(failed.body()).isEqualTo(500);
    assertThat(failed.json().get("type").asText()).isEqualTo("JobFailed");
    assertThat(
            engine.getManagementService().createJobQuery().jobId(job).singleResult().getRetries())
        .isEqualTo(2);
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
  }

  @Test
  void aTextVariableLongerThanTheEngineCanStoreIsABadRequestNamingIt() {
    String ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);

    var tooLong =
        api.as(caseworker)
            .post(
                engineRest() + "/task/" + choose + "/submit-form",
                "{\"variables\": {\"choice\": {\"value\": \"GIVE_UP\"}, \"remark\": {\"value\": \""
                    + "x".repeat(4001)
                    + "\"}}}");

    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("remark");
    assertThat(engine.getTaskService().createTaskQuery().taskId(choose).count())
        .as("nothing changed")
        .isOne();
  }

  private String requestCase(long offerId) {
    String ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    var submitted =
        api.as(caseworker)
            .post(engineRest() + "/task/" + choose + "/submit-form", TaskForms.request(offerId));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    return ref;
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }
}
