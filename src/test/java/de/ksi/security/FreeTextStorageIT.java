// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.HoldView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The free texts users type (languages, notes, reasons, a place outside the registry) are never
 * stored in clear by the engine: after a whole case no runtime or history row of the engine holds
 * them, while the people who need them still see them and our own tables keep them (encrypted where
 * they may say where the child is).
 */
@KsiIntegrationTest
class FreeTextStorageIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntakeService cases;
  @Autowired CapacityRegistry registry;
  @Autowired ApplicationContext context;

  private final String marker = "ft" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void languagesDeclineNotePhoneNoteAndOutcomeNoteLeaveNoTraceInTheEngine() {
    // Given a case with languages, a request to a provider
    ApiClient api = new ApiClient(port);
    CaseScenarios scenarios = new CaseScenarios(api, engine);
    String caseworker = fixtures.user("it-fk-" + marker, District.SEGEBERG.groupId());
    long declining = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id();
    String decliner = fixtures.providerLogin(declining);
    String languages = "Tigrinya-" + marker + "-sprache";
    String ref =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "estimatedAge": 12, "gender": "FEMALE", "languages": "%s", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}"""
                    .formatted(languages))
            .expect(201)
            .get("caseReference")
            .asText();
    scenarios.request(ref, caseworker, declining);

    // the provider's request summary shows the languages, over /api and in its Tasklist form
    CaseScenarios.Request request = scenarios.requestOf(decliner, ref);
    assertThat(api.as(decliner).get("/api/requests").expect(200).toString()).contains(languages);
    assertThat(
            formVariables(api, decliner, request.taskId())
                .path(CaseProcess.Vars.REQUEST_SUMMARY)
                .path("value")
                .asText())
        .contains(languages);
    assertThat(
            api.as(decliner)
                .get(taskPath(request.taskId()) + "/variables/" + CaseProcess.Vars.REQUEST_SUMMARY)
                .expect(200)
                .path("value")
                .asText())
        .contains(languages);
    assertThat(api.as(caseworker).get("/api/cases/" + ref).expect(200).toString())
        .contains(languages);
    // while the request is open, the engine stores the summary nowhere: it is read from our tables
    assertThat(engineRowsHolding(marker)).as("engine rows while the request is open").isEmpty();

    // When the provider declines with a note in its form, the caseworker records a place found by
    // phone in the
    // candidate form, and closes the case with a note
    String declineNote = "Absage-" + marker + "-notiz";
    scenarios.submit(
        decliner,
        request.taskId(),
        """
        {"decision": {"value": "DECLINE"}, "declineReason": {"value": "STAFF_SHORTAGE"},
         "declineNote": {"value": "%s"}}"""
            .formatted(declineNote));
    String phoneNote = "Notgruppe-" + marker + "-Frau-K";
    scenarios.submit(
        caseworker,
        scenarios.task(ref, CaseProcess.SearchElements.CHOOSE),
        """
        {"choice": {"value": "PHONE"}, "phoneNote": {"value": "%s"}}"""
            .formatted(phoneNote));
    String outcomeTask = scenarios.task(ref, CaseProcess.Elements.DECIDE_OUTCOME);
    assertThat(
            formVariables(api, caseworker, outcomeTask)
                .path(CaseProcess.Vars.PLACED_PROVIDER)
                .path("value")
                .asText())
        .as("Beendigung shows where the child is")
        .isEqualTo(phoneNote);
    String outcomeNote = "Ende-" + marker + "-bemerkung";
    scenarios.submit(
        caseworker,
        outcomeTask,
        """
        {"outcome": {"value": "RETURN_HOME"}, "outcomeNote": {"value": "%s"}}"""
            .formatted(outcomeNote));

    // Then the engine holds none of the texts, and our tables keep them for those who need them
    assertThat(engineRowsHolding(marker)).isEmpty();
    assertThat(auditRowsHolding(marker)).as("the audit log outlives the child's data").isZero();
    CustodyCase closed = cases.byReference(ref);
    assertThat(closed.getStatus()).isEqualTo(CustodyCase.Status.CLOSED);
    assertThat(closed.getLanguages()).isEqualTo(languages);
    assertThat(closed.getOutcomeNote()).isEqualTo(outcomeNote);
    assertThat(closed.getPlacementNote()).isEqualTo(phoneNote);
    assertThat(closed.getRefusals())
        .as("statistics keep the refusal")
        .contains(DeclineReason.STAFF_SHORTAGE.name() + "=1");
    assertThat(registry.holdsOf(ref))
        .filteredOn(h -> h.offerId() == declining)
        .extracting(HoldView::declineReason, HoldView::declineNote)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DeclineReason.STAFF_SHORTAGE, declineNote));
    assertThat(rawCase(ref, "placement_note")).startsWith("v2:").doesNotContain(marker);
  }

  @Test
  void emergencyReasonPlaceAndHandoverNoteLeaveNoTraceInTheEngine() {
    // Given a case no one found a place for: the office and then the coordination office give up
    ApiClient api = new ApiClient(port);
    CaseScenarios scenarios = new CaseScenarios(api, engine);
    String caseworker = fixtures.user("it-fk-" + marker, District.PINNEBERG.groupId());
    String coordinator = fixtures.user("it-ks-" + marker, Groups.COORDINATORS);
    String ref = scenarios.open(District.PINNEBERG, caseworker).reference();
    scenarios.submit(
        caseworker,
        scenarios.task(ref, CaseProcess.SearchElements.CHOOSE),
        "{\"choice\": {\"value\": \"GIVE_UP\"}}");
    scenarios.submit(
        coordinator,
        scenarios.task(ref, CaseProcess.SearchElements.CHOOSE),
        "{\"choice\": {\"value\": \"GIVE_UP\"}}");

    // When level 2 records an emergency measure with reason and place, and the case is handed over
    // with a note
    String reason = "Begruendung-" + marker + "-stufe2";
    String place = "Bereitschaft-" + marker + "-Familie-M";
    scenarios.submit(
        coordinator,
        scenarios.task(ref, CaseProcess.Elements.LEVEL2_DECISION),
        """
        {"emergencyMeasure": {"value": "BEREITSCHAFTSPFLEGE"}, "emergencyReason": {"value": "%s"},
         "placedProvider": {"value": "%s"}}"""
            .formatted(reason, place));
    String outcomeTask = scenarios.task(ref, CaseProcess.Elements.DECIDE_OUTCOME);
    assertThat(
            formVariables(api, caseworker, outcomeTask)
                .path(CaseProcess.Vars.PLACED_PROVIDER)
                .path("value")
                .asText())
        .as("Beendigung shows where the child is")
        .isEqualTo(place);
    scenarios.submit(
        caseworker,
        outcomeTask,
        """
        {"outcome": {"value": "HANDOVER_OFFICE"}, "handoverOffice": {"value": "STORMARN"}}""");
    String handoverNote = "Uebergabe-" + marker + "-notiz";
    scenarios.submit(
        caseworker,
        scenarios.task(ref, CaseProcess.Elements.HANDOVER),
        """
        {"handoverDate": {"value": "01.12.2026"}, "handoverNote": {"value": "%s"}}"""
            .formatted(handoverNote));

    // Then the engine holds none of the texts, and the case keeps them
    assertThat(engineRowsHolding(marker)).isEmpty();
    assertThat(auditRowsHolding(marker)).as("the audit log outlives the child's data").isZero();
    CustodyCase closed = cases.byReference(ref);
    assertThat(closed.getStatus()).isEqualTo(CustodyCase.Status.CLOSED);
    assertThat(closed.getEmergencyReason()).isEqualTo(reason);
    assertThat(closed.getPlacementNote()).isEqualTo(place);
    assertThat(closed.getHandoverNote()).isEqualTo(handoverNote);
    assertThat(rawCase(ref, "placement_note") + rawCase(ref, "handover_note"))
        .doesNotContain(marker);
    assertThat(rawCase(ref, "handover_note")).startsWith("v2:");
  }

  @Test
  void aRequestSummaryStoredByAnEarlierReleaseIsRemovedOnStartAndStillShown() throws Exception {
    // Given an open request whose summary an earlier release stored on the request's execution
    ApiClient api = new ApiClient(port);
    CaseScenarios scenarios = new CaseScenarios(api, engine);
    String caseworker = fixtures.user("it-fk-" + marker, District.PINNEBERG.groupId());
    long offer = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id();
    String provider = fixtures.providerLogin(offer);
    String ref = scenarios.open(District.PINNEBERG, caseworker).reference();
    scenarios.request(ref, caseworker, offer);
    CaseScenarios.Request request = scenarios.requestOf(provider, ref);
    String execution =
        jdbc.queryForObject(
            "SELECT execution_id FROM case_request WHERE hold_id = ?",
            String.class,
            request.holdId());
    engine
        .getRuntimeService()
        .setVariableLocal(execution, CaseProcess.Vars.REQUEST_SUMMARY, "Alt-" + marker);
    assertThat(engineRowsHolding(marker)).isNotEmpty();

    // When the application starts
    Object onStart = context.getBean("storedRequestSummaries");
    Method remove = onStart.getClass().getMethod("remove");
    remove.setAccessible(true);
    remove.invoke(onStart);

    // Then the engine holds it no more, and the provider's form shows the summary from our tables
    assertThat(engineRowsHolding(marker)).isEmpty();
    assertThat(
            formVariables(api, provider, request.taskId())
                .path(CaseProcess.Vars.REQUEST_SUMMARY)
                .path("value")
                .asText())
        .contains("| Alter | 12 Jahre |")
        .doesNotContain(marker);
  }

  private JsonNode formVariables(ApiClient api, String user, String taskId) {
    return api.as(user).get(taskPath(taskId) + "/form-variables").expect(200);
  }

  private String taskPath(String taskId) {
    return "/engine-rest/engine/" + engine.getName() + "/task/" + taskId;
  }

  private String rawCase(String ref, String column) {
    return jdbc.queryForObject(
        "SELECT " + column + " FROM custody_case WHERE reference = ?", String.class, ref);
  }

  private int auditRowsHolding(String text) {
    String like = "%" + text + "%";
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_log WHERE recipient LIKE ? OR detail LIKE ? OR reason LIKE ?",
        Integer.class,
        like,
        like,
        like);
  }

  /**
   * Every engine runtime and history row (variables, details, form fields, operation log) that
   * holds the text.
   */
  private List<Map<String, Object>> engineRowsHolding(String text) {
    String like = "%" + text + "%";
    return jdbc.queryForList(
        """
        SELECT 'ACT_RU_VARIABLE' AS T, NAME_ AS N, TEXT_ AS V FROM ACT_RU_VARIABLE WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?
        UNION ALL SELECT 'ACT_HI_VARINST', NAME_, TEXT_ FROM ACT_HI_VARINST WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?
        UNION ALL SELECT 'ACT_HI_DETAIL', NAME_, TEXT_ FROM ACT_HI_DETAIL WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?
        UNION ALL SELECT 'ACT_HI_OP_LOG', PROPERTY_, NEW_VALUE_ FROM ACT_HI_OP_LOG WHERE NEW_VALUE_ LIKE ? OR ORG_VALUE_ LIKE ?
        """,
        like,
        like,
        like,
        like,
        like,
        like,
        like,
        like);
  }
}
