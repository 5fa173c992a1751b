// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.TaskForms;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole case through the real entry points: {@code POST /api/cases}, the caseworker's Tasklist
 * tasks over {@code /engine-rest}, the provider's answer over {@code /api/requests}, against the
 * real registry. Runs on H2 ({@link CaseOverRestIT}) and PostgreSQL ({@link
 * CaseOverRestPostgresIT}).
 */
abstract class WholeCaseOverRest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProviderDirectory directory;
  @Autowired ProcessEngine engine;

  /** Tests name their engine uniquely, so the engine REST API is addressed by name. */
  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  @Test
  void caseIsRegisteredPlacedAndClosedOverRest() {
    ApiClient api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String caseworker = fixtures.user("it-fk-" + suffix, District.SEGEBERG.groupId());
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String otherProvider =
        fixtures.providerLogin(
            fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id());

    // Intake
    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String ref = created.json().get("caseReference").asText();
    assertThat(ref).matches("SEG-\\d{4}-\\d{4}");

    // A form that breaks its rules is a bad request, with the German message, and changes nothing
    String choose = taskId(api, caseworker, ref, CaseProcess.SearchElements.CHOOSE);
    var rejected =
        api.as(caseworker)
            .post(
                engineRest() + "/task/" + choose + "/submit-form",
                "{\"variables\": {\"choice\": {\"value\": \"PHONE\"}}}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    assertThat(rejected.body()).contains("Pflichtfeld");
    assertThat(taskId(api, caseworker, ref, CaseProcess.SearchElements.CHOOSE)).isEqualTo(choose);

    // The caseworker asks the provider
    var submitted =
        api.as(caseworker)
            .post(engineRest() + "/task/" + choose + "/submit-form", TaskForms.request(offer.id()));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    assertThat(registry.freePlaces(offer.id())).isEqualTo(1);

    // The provider sees the pseudonymised request only, then accepts
    JsonNode requests = api.as(provider).get("/api/requests").json();
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).toString())
        .contains(ref, "12 Jahre")
        .doesNotContain("Vertraulich", "Lea");
    assertThat(api.as(provider).get("/api/cases/" + ref + "/identity").status())
        .as("not before accepting")
        .isEqualTo(404);
    long holdId = requests.get(0).get("holdId").asLong();
    assertThat(api.as(otherProvider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(409);
    assertThat(api.as(provider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);

    JsonNode status = api.as(caseworker).get("/api/cases/" + ref).json();
    assertThat(status.get("status").asText()).isEqualTo("PLACED");
    var identity = api.as(provider).get("/api/cases/" + ref + "/identity");
    assertThat(identity.status()).isEqualTo(200);
    assertThat(identity.json().get("lastName").asText()).isEqualTo("Vertraulich");
    assertThat(api.as(otherProvider).get("/api/cases/" + ref + "/identity").status())
        .isEqualTo(404);

    // Return home closes the case and frees the place
    String outcome = taskId(api, caseworker, ref, CaseProcess.Elements.DECIDE_OUTCOME);
    var closed =
        api.as(caseworker)
            .post(
                engineRest() + "/task/" + outcome + "/submit-form",
                "{\"variables\": {\"outcome\": {\"value\": \"RETURN_HOME\"}}}");
    assertThat(closed.status()).as(closed.body()).isEqualTo(204);
    assertThat(api.as(caseworker).get("/api/cases/" + ref).json().get("status").asText())
        .isEqualTo("CLOSED");
    assertThat(registry.freePlaces(offer.id())).isEqualTo(2);
  }

  @Test
  void aPlaceTakenWhileTheCaseworkerChoseIsSkippedAndTheFormStillGoesThrough() {
    ApiClient api = new ApiClient(port);
    String caseworker = fixtures.caseworker(District.SEGEBERG);
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    String ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
    String choose = taskId(api, caseworker, ref, CaseProcess.SearchElements.CHOOSE);

    // another caseworker takes the last place while this one is still choosing
    registry.hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-2");
    var submitted =
        api.as(caseworker)
            .post(engineRest() + "/task/" + choose + "/submit-form", TaskForms.request(offer.id()));

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    assertThat(registry.freePlaces(offer.id())).isZero();
    assertThat(api.as(caseworker).get("/api/cases/" + ref).json().get("status").asText())
        .isEqualTo("OPEN");
  }

  @Test
  void aLoginActingForSeveralProvidersSeesEachOfTheirOpenRequestsOnceAndNoOtherProvidersRequests() {
    ApiClient api = new ApiClient(port);
    String caseworker = fixtures.caseworker(District.SEGEBERG);
    OfferView first = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView second = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView other = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String network =
        fixtures.user(
            "it-verbund-" + UUID.randomUUID().toString().substring(0, 8),
            directory.groupOfOffer(first.id()),
            directory.groupOfOffer(second.id()));
    String otherProvider = fixtures.providerLogin(other.id());
    String asked = requestCase(api, caseworker, 12, first.id(), second.id());
    String askedElsewhere = requestCase(api, caseworker, 9, other.id());

    JsonNode requests = api.as(network).get("/api/requests").expect(200);

    assertThat(requests).hasSize(2);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.get("caseReference").asText()).isEqualTo(asked);
              assertThat(r.get("profileSummary").asText()).contains("12 Jahre");
              assertThat(r.get("answerBy").isNull()).isFalse();
              assertThat(r.get("taskId").asText()).isNotBlank();
            });
    assertThat(requests)
        .extracting(r -> r.get("providerName").asText())
        .containsExactlyInAnyOrder(
            directory.get(first.providerId()).name(), directory.get(second.providerId()).name());
    assertThat(requests)
        .extracting(r -> r.get("holdId").asLong())
        .containsExactlyInAnyOrderElementsOf(
            registry.holdsOf(asked).stream().map(h -> h.id()).toList());
    JsonNode elsewhere = api.as(otherProvider).get("/api/requests").expect(200);
    assertThat(elsewhere).hasSize(1);
    assertThat(elsewhere.get(0).get("caseReference").asText()).isEqualTo(askedElsewhere);
    assertThat(elsewhere.get(0).get("profileSummary").asText()).contains("9 Jahre");
  }

  @Test
  void aRequestTaskWithoutItsOwnCopyOfTheHoldIsStillListedAndCanBeAccepted() {
    ApiClient api = new ApiClient(port);
    String caseworker = fixtures.caseworker(District.SEGEBERG);
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String ref = requestCase(api, caseworker, 12, offer.id());
    // as on a request task created by a process version before the task kept the hold id itself:
    // the request's execution kept it
    String task = fixtures.openTask(ref, CaseProcess.SearchElements.ANSWER);
    engine.getTaskService().removeVariableLocal(task, CaseProcess.Vars.HOLD_ID);
    engine
        .getRuntimeService()
        .setVariableLocal(
            engine.getTaskService().createTaskQuery().taskId(task).singleResult().getExecutionId(),
            CaseProcess.Vars.HOLD_ID,
            registry.holdsOf(ref).get(0).id());

    JsonNode requests = api.as(provider).get("/api/requests").expect(200);

    assertThat(requests).hasSize(1);
    long holdId = requests.get(0).get("holdId").asLong();
    assertThat(holdId).isEqualTo(registry.holdsOf(ref).get(0).id());
    assertThat(api.as(provider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);
    assertThat(api.as(caseworker).get("/api/cases/" + ref).json().get("status").asText())
        .isEqualTo("PLACED");
  }

  /** A new case whose caseworker asks the given offers; gives its reference. */
  private String requestCase(ApiClient api, String caseworker, int age, long... offers) {
    String ref =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": %d, "gender": "FEMALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier"}"""
                    .formatted(age))
            .expect(201)
            .get("caseReference")
            .asText();
    String choose = taskId(api, caseworker, ref, CaseProcess.SearchElements.CHOOSE);
    var submitted =
        api.as(caseworker)
            .post(engineRest() + "/task/" + choose + "/submit-form", TaskForms.request(offers));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    return ref;
  }

  private String taskId(ApiClient api, String user, String ref, String taskKey) {
    var reply =
        api.as(user)
            .get(
                engineRest()
                    + "/task?processInstanceBusinessKey="
                    + ref
                    + "&taskDefinitionKey="
                    + taskKey);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode tasks = reply.json();
    assertThat(tasks).as("task %s of %s visible to %s", taskKey, ref, user).hasSize(1);
    return tasks.get(0).get("id").asText();
  }
}
