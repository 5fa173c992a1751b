// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApiClient.Reply;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One whole case over HTTP as Tasklist and a provider would drive it: intake over /api/cases, the
 * caseworker's tasks over /engine-rest, the provider's answer over /api/requests, the legal duties,
 * return home. Every call is timed by its type; a 409 (another user was faster) is retried like a
 * person would. Before each call the user thinks for a while (mean {@code thinkMillis}), as people
 * at a screen do. The rate search of part 3 changes the pace and where calls are recorded while the
 * users run, so both can also be asked anew before each call.
 */
final class RestCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASKS = "/engine-rest/task";

  private final ApiClient api;
  private final Supplier<CallTypes> calls;
  private final Map<Long, String> providerLoginOfOffer;
  private final LongSupplier thinkMillis;

  RestCase(
      ApiClient api, CallTypes calls, Map<Long, String> providerLoginOfOffer, long thinkMillis) {
    this(api, () -> calls, providerLoginOfOffer, () -> thinkMillis);
  }

  RestCase(
      ApiClient api,
      Supplier<CallTypes> calls,
      Map<Long, String> providerLoginOfOffer,
      LongSupplier thinkMillis) {
    this.api = api;
    this.thinkMillis = thinkMillis;
    this.calls = calls;
    this.providerLoginOfOffer = providerLoginOfOffer;
  }

  /** Runs the case to its end; false if a call failed (counted as an error). */
  boolean run(String caseworker, String office, int age) {
    Reply created =
        call(
            "POST /api/cases",
            201,
            () ->
                api.as(caseworker)
                    .post(
                        "/api/cases",
                        """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Last",
         "estimatedAge": %d, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}"""
                            .formatted(office, age)));
    if (created == null) {
      return false;
    }
    String ref = created.json().get("caseReference").asText();
    long offer = -1;
    for (int attempt = 0; attempt < 5 && offer < 0; attempt++) {
      offer = requestBestCandidate(caseworker, ref);
    }
    if (offer < 0) {
      return false;
    }
    String provider = providerLoginOfOffer.get(offer);
    Reply requests =
        call("GET /api/requests (provider)", 200, () -> api.as(provider).get("/api/requests"));
    if (requests == null) {
      return false;
    }
    long holdId = -1;
    for (JsonNode request : requests.json()) {
      if (ref.equals(request.get("caseReference").asText())) {
        holdId = request.get("holdId").asLong();
      }
    }
    long hold = holdId;
    if (hold < 0
        || call(
                "POST /api/requests/{id}/accept",
                204,
                () -> api.as(provider).post("/api/requests/" + hold + "/accept"))
            == null) {
      return false;
    }
    return call("GET /api/cases/{ref}", 200, () -> api.as(caseworker).get("/api/cases/" + ref))
            != null
        && submit(
            caseworker,
            ref,
            "Task_InformChild",
            "{\"childInformed\": {\"value\": true},"
                + " \"trustedPersonOffered\": {\"value\": true}}")
        && submit(
            caseworker,
            ref,
            "Task_InformParents",
            "{\"parentsInformed\": {\"value\": true},"
                + " \"riskAssessedWithParents\": {\"value\": true}, \"parentsObject\": {\"value\": false}}")
        && submit(
            caseworker, ref, "Task_DecideOutcome", "{\"outcome\": {\"value\": \"RETURN_HOME\"}}");
  }

  /**
   * Asks the best candidate of the choice task; the offer id, or -1 after a conflict (the caller
   * tries again).
   */
  private long requestBestCandidate(String caseworker, String ref) {
    String task = taskId(caseworker, ref, "Task_ChooseCandidates");
    if (task == null) {
      return -1;
    }
    // as Tasklist loads the choice form: its variables, the candidates among them
    Reply candidates =
        call(
            "GET /engine-rest/task/{id}/form-variables",
            200,
            () ->
                api.as(caseworker)
                    .get(
                        TASKS
                            + "/"
                            + task
                            + "/form-variables?variableNames=candidates&deserializeValues=false"));
    if (candidates == null) {
      return -1;
    }
    JsonNode value = candidates.json().get("candidates").get("value");
    JsonNode options = value.isTextual() ? parse(value.asText()) : value;
    if (options.isEmpty()) {
      calls.get().error("no candidate", ref);
      return -1;
    }
    long offer = Long.parseLong(options.get(0).get("value").asText());
    Reply submitted =
        timed(
            "POST /engine-rest/task/{id}/submit-form (choose)",
            () ->
                api.as(caseworker)
                    .post(
                        TASKS + "/" + task + "/submit-form",
                        """
            {"variables": {"choice": {"value": "REQUEST"},
                           "selectedOffers": {"value": "[\\"%d\\"]", "type": "Json"}}}"""
                            .formatted(offer)));
    if (submitted.status() == 204) {
      return offer;
    }
    if (submitted.status() == 409) {
      calls.get().conflict();
      return -1;
    }
    calls
        .get()
        .error(
            "POST /engine-rest/task/{id}/submit-form (choose)",
            submitted.status() + " " + submitted.body());
    return -1;
  }

  private boolean submit(String user, String ref, String taskKey, String variables) {
    String task = taskId(user, ref, taskKey);
    return task != null
        && call(
                "POST /engine-rest/task/{id}/submit-form",
                204,
                () ->
                    api.as(user)
                        .post(
                            TASKS + "/" + task + "/submit-form",
                            "{\"variables\": " + variables + "}"))
            != null;
  }

  private String taskId(String user, String ref, String taskKey) {
    Reply reply =
        call(
            "GET /engine-rest/task?processInstanceBusinessKey",
            200,
            () ->
                api.as(user)
                    .get(
                        TASKS
                            + "?processInstanceBusinessKey="
                            + ref
                            + "&taskDefinitionKey="
                            + taskKey));
    if (reply == null || reply.json().size() != 1) {
      if (reply != null) {
        calls.get().error("task not found", taskKey + " of " + ref + ": " + reply.body());
      }
      return null;
    }
    return reply.json().get(0).get("id").asText();
  }

  /** Times the call; an unexpected status is an error and answers null. */
  private Reply call(String type, int expected, Supplier<Reply> request) {
    Reply reply = timed(type, request);
    if (reply.status() != expected) {
      calls.get().error(type, reply.status() + " " + reply.body());
      return null;
    }
    return reply;
  }

  private Reply timed(String type, Supplier<Reply> request) {
    think();
    try {
      return calls.get().of(type).time(request);
    } catch (RuntimeException e) {
      calls.get().error(type, e.toString());
      return new Reply(-1, null, e.toString());
    }
  }

  /**
   * A person reads and clicks between two calls: uniformly 0.5 to 1.5 times the mean think time.
   */
  private void think() {
    long mean = thinkMillis.getAsLong();
    if (mean > 0) {
      try {
        Thread.sleep(
            mean / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(mean + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("candidates are not JSON: " + json, e);
    }
  }
}
