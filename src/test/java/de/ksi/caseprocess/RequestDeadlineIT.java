// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, defects 4 and 9: the deadline a provider is shown, and a hold whose response deadline
 * fired.
 */
@KsiIntegrationTest
class RequestDeadlineIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProcessEngine engine;

  ApiClient api;
  OfferView offer;
  String provider;
  String ref;

  @BeforeEach
  void anImmediateCaseAsksOneProvider() {
    api = new ApiClient(port);
    String caseworker = fixtures.caseworker(District.SEGEBERG);
    offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    provider = fixtures.providerLogin(offer.id());
    ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    api.as(caseworker)
        .post(
            "/engine-rest/engine/" + engine.getName() + "/task/" + choose + "/submit-form",
            TaskForms.request(offer.id()))
        .expect(204);
  }

  @Test
  void theProviderIsShownTheMomentTheRequestExpiresInTasklistAndOverTheApi() {
    Task request = requestTask();
    Instant expires = responseDeadline(request).getDuedate().toInstant();

    JsonNode listed = api.as(provider).get("/api/requests").expect(200);

    assertThat(request.getDueDate().toInstant()).isCloseTo(expires, within(1, ChronoUnit.SECONDS));
    assertThat(Instant.parse(listed.get(0).get("answerBy").asText()))
        .isCloseTo(expires, within(1, ChronoUnit.SECONDS));
  }

  @Test
  void aRequestWhoseResponseDeadlineFiredIsExpiredFromThatMomentOn() {
    engine.getManagementService().executeJob(responseDeadline(requestTask()).getId());

    HoldView hold = registry.holdsOf(ref).get(0);
    assertThat(hold.status()).isEqualTo(HoldStatus.EXPIRED);
    assertThat(hold.expiresAt())
        .as("expired means its time has passed")
        .isBeforeOrEqualTo(Instant.now());
    assertThat(registry.freePlaces(offer.id())).isEqualTo(2);
  }

  private Task requestTask() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(CaseProcess.SearchElements.ANSWER)
        .singleResult();
  }

  private Job responseDeadline(Task request) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(request.getProcessInstanceId())
        .activityId(CaseProcess.SearchElements.RESPONSE_DEADLINE)
        .singleResult();
  }
}
