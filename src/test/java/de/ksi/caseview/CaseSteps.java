// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.TaskForms;

/**
 * A case driven through the real entry points: intake over /api, tasks over /engine-rest, answers
 * over /api.
 */
final class CaseSteps {

  private final ApiClient api;
  private final String engineRest;

  CaseSteps(ApiClient api, String engineName) {
    this.api = api;
    this.engineRest = "/engine-rest/engine/" + engineName;
  }

  String register(String caseworker, String office) {
    return api.as(caseworker)
        .post(
            "/api/cases",
            """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "birthDate": "2013-04-02", "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier Mitte"}"""
                .formatted(office))
        .expect(201)
        .get("caseReference")
        .asText();
  }

  void request(String caseworker, String ref, long offerId) {
    String choose = taskId(caseworker, ref, CaseProcess.SearchElements.CHOOSE);
    var submitted =
        api.as(caseworker)
            .post(engineRest + "/task/" + choose + "/submit-form", TaskForms.request(offerId));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
  }

  long openRequest(String provider, String ref) {
    JsonNode requests = api.as(provider).get("/api/requests").expect(200);
    for (JsonNode r : requests) {
      if (r.get("caseReference").asText().equals(ref)) {
        return r.get("holdId").asLong();
      }
    }
    throw new AssertionError("no open request of " + ref + " for " + provider);
  }

  void decline(String provider, String ref, String reason, String note) {
    var reply =
        api.as(provider)
            .post(
                "/api/requests/" + openRequest(provider, ref) + "/decline",
                "{\"reason\": \"" + reason + "\", \"note\": " + ApiClient.quote(note) + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  void accept(String provider, String ref) {
    var reply = api.as(provider).post("/api/requests/" + openRequest(provider, ref) + "/accept");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  /**
   * The provider completes "Aufnahme vorbereiten" with the given variables JSON; gives the answer's
   * status.
   */
  ApiClient.Reply confirmArrival(String user, String taskId, String variables) {
    return api.as(user)
        .post(
            engineRest + "/task/" + taskId + "/submit-form", "{\"variables\": " + variables + "}");
  }

  JsonNode overview(String user, String ref) {
    return api.as(user).get("/api/cases/" + ref + "/overview").expect(200);
  }

  String taskId(String user, String ref, String taskKey) {
    var reply =
        api.as(user)
            .get(
                engineRest
                    + "/task?processInstanceBusinessKey="
                    + ref
                    + "&taskDefinitionKey="
                    + taskKey);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json()).as("task %s of %s visible to %s", taskKey, ref, user).hasSize(1);
    return reply.json().get(0).get("id").asText();
  }

  int visibleTasks(String user, String ref, String taskKey) {
    return api.as(user)
        .get(
            engineRest
                + "/task?processInstanceBusinessKey="
                + ref
                + "&taskDefinitionKey="
                + taskKey)
        .json()
        .size();
  }
}
