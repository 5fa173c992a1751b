// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After closing, personal data is kept for the retention period (P2Y) and the engine's history for
 * 180 days.
 */
@KsiIntegrationTest
class RetentionIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired RetentionCleanup retention;
  @Autowired IntakeService cases;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void personalDataOfAClosedCaseIsErasedAfterTheRetentionPeriodAndTheErasureIsAudited() {
    String ref = closedCase();

    travel(Duration.ofDays(365));
    assertThat(retention.erasePersonalDataOfExpiredCases()).doesNotContain(ref);
    assertThat(cases.byReference(ref).getLastName()).isEqualTo("Aufbewahrt");

    travel(Duration.ofDays(2 * 365 + 2));
    assertThat(retention.erasePersonalDataOfExpiredCases()).contains(ref);

    Map<String, Object> raw =
        jdbc.queryForMap(
            "SELECT first_name, last_name, birth_date, current_location, narrative,"
                + " outcome, personal_data_erased_at FROM custody_case WHERE reference = ?",
            ref);
    assertThat(raw.get("LAST_NAME")).isNull();
    assertThat(raw.get("FIRST_NAME")).isNull();
    assertThat(raw.get("CURRENT_LOCATION")).isNull();
    assertThat(raw.get("NARRATIVE")).isNull();
    assertThat(raw.get("OUTCOME")).as("statistics stay").isEqualTo("RETURN_HOME");
    assertThat(raw.get("PERSONAL_DATA_ERASED_AT")).isNotNull();
    assertThat(audit.forCase(ref))
        .extracting(AuditLog.Entry::action)
        .contains(AuditLog.Action.PERSONAL_DATA_ERASED);
    assertThat(retention.erasePersonalDataOfExpiredCases()).as("erased once").doesNotContain(ref);
  }

  @Test
  void theEnginesHistoryCleanupRemovesACaseHistory180DaysAfterItEnded() {
    String ref = closedCase();
    // the legal duties may still be open when the child returns home; end what remains of the case
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(ref)
        .rootProcessInstances()
        .list()
        .forEach(
            p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test: case ended"));
    assertThat(history(ref)).isPositive();
    List<String> instances = List.of(fixtures.instancesOf(ref));
    assertThat(historyGrants(instances))
        .as("the office's grants on the case's history")
        .isPositive();

    travel(Duration.ofDays(179));
    runHistoryCleanup();
    assertThat(history(ref)).as("kept within the time to live").isPositive();

    travel(Duration.ofDays(181));
    runHistoryCleanup();
    assertThat(history(ref))
        .as(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(ref)
                    .list()
                    .stream()
                    .map(
                        h ->
                            h.getProcessDefinitionKey()
                                + " ended "
                                + h.getEndTime()
                                + " removal "
                                + h.getRemovalTime()
                                + " now "
                                + ClockUtil.getCurrentTime())
                    .toList()
                    .toString())
        .isZero();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(ref)
                .count())
        .isZero();
    assertThat(historyGrants(instances))
        .as("the grants on the removed history go with it (they carry the root instance)")
        .isZero();
    assertThat(grants(instances, org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE))
        .as("nor do grants on the ended instances stay")
        .isZero();
  }

  /** The grants on these historic process instances ({@code ACT_RU_AUTHORIZATION}). */
  private long historyGrants(List<String> instances) {
    return grants(
        instances, org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE);
  }

  private long grants(
      List<String> instances, org.camunda.bpm.engine.authorization.Resources resource) {
    return instances.stream()
        .mapToLong(
            instance ->
                engine
                    .getAuthorizationService()
                    .createAuthorizationQuery()
                    .resourceType(resource)
                    .resourceId(instance)
                    .count())
        .sum();
  }

  private long history(String ref) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(ref)
        .count();
  }

  private void runHistoryCleanup() {
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());
  }

  private static void travel(Duration fromNow) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(fromNow)));
  }

  /** A Norderstedt case: requested, accepted, child returned home. */
  private String closedCase() {
    ApiClient api = new ApiClient(port);
    OfferView offer = fixtures.offer(District.NORDERSTEDT, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String ref =
        api.as("fk-nor-1")
            .post(
                "/api/cases",
                """
        {"office": "NORDERSTEDT", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "Ida", "lastName": "Aufbewahrt",
         "birthDate": "2012-02-03", "gender": "FEMALE", "siblings": 1, "urgency": "TODAY",
         "currentLocation": "Rathaus", "narrative": "kam allein"}""")
            .expect(201)
            .get("caseReference")
            .asText();
    submit(
        api,
        task(ref, CaseProcess.SearchElements.CHOOSE),
        """
        {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[\\"%d\\"]", "type": "Json"}}"""
            .formatted(offer.id()));
    long holdId = api.as(provider).get("/api/requests").json().get(0).get("holdId").asLong();
    assertThat(api.as(provider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);
    submit(
        api,
        task(ref, CaseProcess.Elements.DECIDE_OUTCOME),
        "{\"outcome\": {\"value\": \"RETURN_HOME\"}}");
    assertThat(cases.byReference(ref).getStatus()).isEqualTo(CustodyCase.Status.CLOSED);
    return ref;
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

  private void submit(ApiClient api, String taskId, String variables) {
    var reply =
        api.as("fk-nor-1")
            .post(
                "/engine-rest/engine/" + engine.getName() + "/task/" + taskId + "/submit-form",
                "{\"variables\": " + variables + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }
}
