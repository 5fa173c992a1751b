// SPDX-License-Identifier: EUPL-1.2
package de.ksi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the fault suite shares: launching the packaged application on PostgreSQL as production does
 * (demo users and providers, job executor on and polling often) and driving cases through {@code
 * /api} and {@code /engine-rest} as caseworkers and providers do.
 */
final class FaultSuite {

  /** A data key for test data only. */
  static final String DATA_KEY = "ZmF1bHQtc3VpdGUta2V5LWZvci10ZXN0cy1vbmx5LS0=";

  static final String ENGINE_REST = "/engine-rest/engine/default";
  static final String CASEWORKER = "fk-seg-1";
  static final String COORDINATOR = "koordination-1";

  /** Demo provider logins: together they answer for every demo provider. */
  static final List<String> PROVIDERS =
      List.of(
          "einrichtung-seg",
          "einrichtung-sto",
          "einrichtung-pin",
          "einrichtung-hlb",
          "einrichtung-nor",
          "traegerverbund");

  private static final ObjectMapper JSON = new ObjectMapper();

  private FaultSuite() {}

  /**
   * The application on the given PostgreSQL database, job executor on, acquiring due jobs every
   * second; a small pool (8 connections, 2 idle; 3 job threads) so that two nodes fit beside other
   * users of the server.
   */
  static ApplicationProcess.Builder application(String name, String jdbcUrl, String user) {
    return ApplicationProcess.builder(name)
        .postgres(jdbcUrl, user, DATA_KEY)
        .demoData(true)
        .maxHeap("384m")
        .env("KSI_DB_POOL_SIZE", "8")
        .property("spring.datasource.hikari.minimum-idle", "2")
        .property("camunda.bpm.job-execution.core-pool-size", "2")
        .property("camunda.bpm.job-execution.max-pool-size", "3")
        .property("camunda.bpm.job-execution.enabled", "true")
        .property("camunda.bpm.job-execution.wait-time-in-millis", "500")
        .property("camunda.bpm.job-execution.max-wait", "1000");
  }

  /** Waits for a condition, polling, and fails with the description once the deadline passed. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /**
   * No case without its process, no process without its case, no hold without its case, no double
   * placement.
   */
  static void assertConsistent(JdbcTemplate sql) {
    assertThat(
            sql.queryForList(
                """
        SELECT c.reference FROM custody_case c WHERE c.status <> 'CLOSED' AND NOT EXISTS (
          SELECT 1 FROM act_ru_execution e WHERE e.business_key_ = c.reference AND e.parent_id_ IS NULL
            AND e.super_exec_ IS NULL AND e.proc_def_id_ LIKE ?)""",
                String.class,
                CaseProcess.KEY + ":%"))
        .as("open cases without a running process")
        .isEmpty();
    assertThat(
            sql.queryForList(
                """
        SELECT e.business_key_ FROM act_ru_execution e WHERE e.parent_id_ IS NULL AND e.proc_def_id_ LIKE ?
          AND NOT EXISTS (SELECT 1 FROM custody_case c WHERE c.reference = e.business_key_)""",
                String.class,
                CaseProcess.KEY + ":%"))
        .as("processes without a case")
        .isEmpty();
    assertThat(
            sql.queryForList(
                """
        SELECT h.id FROM hold h WHERE NOT EXISTS (SELECT 1 FROM custody_case c WHERE c.reference = h.case_reference)""",
                Long.class))
        .as("holds without a case")
        .isEmpty();
    assertThat(
            sql.queryForList(
                """
        SELECT case_reference FROM placement WHERE ended_at IS NULL GROUP BY case_reference HAVING COUNT(*) > 1""",
                String.class))
        .as("cases placed twice")
        .isEmpty();
    assertThat(
            sql.queryForList(
                """
        SELECT o.id FROM offer o WHERE o.reported_free <
          (SELECT COALESCE(SUM(h.places), 0) FROM hold h WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > now())
          + (SELECT COALESCE(SUM(p.places), 0) FROM placement p
             WHERE p.offer_id = o.id AND p.started_at > o.reported_at AND p.ended_at IS NULL)""",
                Long.class))
        .as("overbooked offers")
        .isEmpty();
  }

  /** Cases driven over HTTP against one running application. */
  static final class Cases {
    private final ApiClient api;

    Cases(int port) {
      this.api = new ApiClient(port);
    }

    ApiClient api() {
      return api;
    }

    /** Registers a case of Segeberg; returns the reply (201 with caseReference when it worked). */
    ApiClient.Reply tryIntake(String caseworker, int age, String urgency) {
      return api.as(caseworker)
          .post(
              "/api/cases",
              """
          {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Mia", "lastName": "Fault",
           "estimatedAge": %d, "gender": "FEMALE", "siblings": 1, "urgency": "%s",
           "currentLocation": "Polizeirevier"}"""
                  .formatted(age, urgency));
    }

    String intake(int age, String urgency) {
      ApiClient.Reply created = tryIntake(CASEWORKER, age, urgency);
      return created.expect(201).get("caseReference").asText();
    }

    /** The id of the case's task with this key, visible to the user, or {@code null}. */
    String taskId(String user, String reference, String taskKey) {
      JsonNode tasks =
          api.as(user)
              .get(
                  ENGINE_REST
                      + "/task?processInstanceBusinessKey="
                      + reference
                      + "&taskDefinitionKey="
                      + taskKey)
              .expect(200);
      return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }

    /** Offer ids the caseworker's candidate form offers, best first. */
    List<Long> candidates(String reference) {
      String choose = taskId(CASEWORKER, reference, CaseProcess.SearchElements.CHOOSE);
      assertThat(choose).as("candidate form of %s", reference).isNotNull();
      JsonNode variable =
          api.as(CASEWORKER)
              .get(
                  ENGINE_REST
                      + "/task/"
                      + choose
                      + "/form-variables?variableNames="
                      + CaseProcess.Vars.CANDIDATES
                      + "&deserializeValues=false")
              .expect(200)
              .get(CaseProcess.Vars.CANDIDATES)
              .get("value");
      return offerIds(variable.asText());
    }

    /** Offer ids of the candidate options (the JSON of the {@code candidates} variable). */
    static List<Long> offerIds(String candidatesJson) {
      JsonNode options = read(candidatesJson);
      assertThat(options.isArray()).as("candidate options %s", candidatesJson).isTrue();
      List<Long> ids = new ArrayList<>();
      options.forEach(o -> ids.add(Long.valueOf(o.path("value").asText())));
      return ids;
    }

    /** Submits the candidate form: requests to these offers (holds are placed). */
    ApiClient.Reply request(String reference, List<Long> offers) {
      String choose = taskId(CASEWORKER, reference, CaseProcess.SearchElements.CHOOSE);
      assertThat(choose).as("candidate form of %s", reference).isNotNull();
      String ids = String.join(",", offers.stream().map(id -> "\\\"" + id + "\\\"").toList());
      return api.as(CASEWORKER)
          .post(
              ENGINE_REST + "/task/" + choose + "/submit-form",
              """
          {"variables": {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[%s]", "type": "Json"}}}"""
                  .formatted(ids));
    }

    /** The provider login that sees this open request, or {@code null}. */
    String providerOf(long holdId) {
      for (String login : PROVIDERS) {
        for (JsonNode request : api.as(login).get("/api/requests").expect(200)) {
          if (request.get("holdId").asLong() == holdId) {
            return login;
          }
        }
      }
      return null;
    }

    /**
     * Every offer reports all its licensed places free (Platzmeldung by the coordinator), so
     * searches find places.
     */
    void reportAllPlacesFree(JdbcTemplate sql) {
      sql.queryForList("SELECT id, licensed FROM offer")
          .forEach(
              offer ->
                  api.as(COORDINATOR)
                      .put(
                          "/api/offers/" + offer.get("id") + "/availability",
                          "{\"free\": " + offer.get("licensed") + "}")
                      .expect(200));
    }

    /** The status of a case as its caseworker sees it. */
    String status(String reference) {
      return api.as(CASEWORKER).get("/api/cases/" + reference).expect(200).get("status").asText();
    }

    /** Free places of an offer as the registry computes them now. */
    int free(long offerId) {
      return api.as(COORDINATOR).get("/api/offers/" + offerId).expect(200).get("free").asInt();
    }

    private static JsonNode read(String json) {
      try {
        return JSON.readTree(json);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + json, e);
      }
    }
  }
}
