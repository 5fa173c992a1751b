// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks on the engine trust boundary (issue #15) against the running application over HTTP: every
 * attack is refused, and the case it aims at is unchanged afterwards (row, instances, variables,
 * tasks, grants, holds, placements, audit). The lawful path a caseworker and a provider take stays
 * open. Findings 1, 3 and 5 are in {@link TrustBoundaryAttacks}, which runs on PostgreSQL too.
 */
@KsiIntegrationTest
class TrustBoundaryAttackIT extends TrustBoundaryAttacks {

  // the victim of the "one guard" attacks: a Segeberg case waiting for a provider's answer
  private CaseScenarios.Started victim;
  private String victimProvider;
  private String victimRequestTask;
  private Task victimDutyTask;
  private Job victimTimer;

  @BeforeAll
  void aSegebergCaseWaitingForAProvider() {
    Waiting waiting = waitingForANewProvider("fk-seg-1");
    victim = waiting.started();
    victimProvider = waiting.provider();
    victimRequestTask = waiting.request().taskId();
    victimDutyTask = cases.dutyTask(victim.reference(), District.SEGEBERG);
    String search = victimSearch();
    victimTimer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(search)
            .timers()
            .list()
            .get(0);
  }

  @Test
  void theOutcomeFormCannotCarryAnotherCasesId() {
    // Given a placed Segeberg case deciding its outcome, and a Stormarn case
    CaseScenarios.Started segeberg = placedWithANewProvider("fk-seg-1").started();
    CaseScenarios.Started stormarn = cases.open(District.STORMARN, "fk-sto-1");
    String decide = cases.task(segeberg.reference(), CaseProcess.Elements.DECIDE_OUTCOME);
    Map<String, Object> segebergBefore = state.of(segeberg.reference());
    Map<String, Object> stormarnBefore = state.of(stormarn.reference());
    String variables =
        """
        {"variables": {"outcome": {"value": "HANDOVER_OFFICE"}, "handoverOffice": {"value": "SEGEBERG"},
                       "caseId": {"value": %d, "type": "Long"}}}"""
            .formatted(stormarn.caseId());

    // When the Segeberg caseworker completes its own task with the Stormarn case's id, by form and
    // by complete
    var submitted =
        api.as("fk-seg-1").post(cases.engineRest() + "/task/" + decide + "/submit-form", variables);
    var completed =
        api.as("fk-seg-1").post(cases.engineRest() + "/task/" + decide + "/complete", variables);

    // Then both are refused naming the field, and neither case moved
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
    assertThat(submitted.body()).contains("caseId");
    assertThat(completed.status()).as(completed.body()).isEqualTo(400);
    assertThat(completed.body()).contains("caseId");
    assertThat(state.of(segeberg.reference())).isEqualTo(segebergBefore);
    assertThat(state.of(stormarn.reference())).isEqualTo(stormarnBefore);
  }

  @Test
  void aCaseworkerCannotConfirmAHoldPastTheProvider() {
    // Given a case waiting for a provider's answer
    Waiting waiting = waitingForANewProvider("fk-seg-1");
    CaseScenarios.Started target = waiting.started();
    long holdId = waiting.request().holdId();

    // When its caseworker confirms the hold itself
    var confirmed = api.as("fk-seg-1").post("/api/holds/" + holdId + "/confirm");

    // Then it is refused: no placement, the hold still held, and the provider can still accept
    assertThat(confirmed.status()).as(confirmed.body()).isIn(403, 404, 405);
    assertThat(state.placements(target.reference())).isZero();
    assertThat(state.holdStatus(holdId)).isEqualTo("HELD");
    assertThat(api.as(waiting.provider()).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);
  }

  /** The roles that work with a Segeberg case, or could try to. */
  static Stream<String> roles() {
    return Stream.of("fk-sto-1", "fk-seg-1", "provider", "prozess-1", "al-seg", "koordination-1");
  }

  /**
   * The engine's commands beyond working a task, each as a request with its body; placeholders in
   * braces.
   */
  static List<String[]> beyondTheTask() {
    return List.of(
        new String[] {
          "POST",
          "/process-instance/{main}/modification",
          "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ServiceTask_HandOver\"}]}"
        },
        new String[] {
          "POST",
          "/process-definition/{definition}/restart",
          "{\"processInstanceIds\": [\"{main}\"], \"instructions\": [{\"type\": \"startBeforeActivity\","
              + " \"activityId\": \"ServiceTask_HandOver\"}]}"
        },
        new String[] {
          "POST",
          "/migration/execute",
          "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"{definition}\", \"targetProcessDefinitionId\":"
              + " \"{definition}\", \"instructions\": [{\"sourceActivityIds\": [\"CallActivity_DistrictSearch\"],"
              + " \"targetActivityIds\": [\"CallActivity_DistrictSearch\"]}]}, \"processInstanceIds\": [\"{main}\"]}"
        },
        new String[] {"PUT", "/job/{job}/retries", "{\"retries\": 0}"},
        new String[] {"POST", "/job/{job}/execute", null},
        new String[] {
          "PUT", "/job/{job}/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}"
        },
        new String[] {
          "POST",
          "/message",
          "{\"messageName\": \"PlaceFoundByPhone\", \"processInstanceId\": \"{search}\","
              + " \"processVariables\": {\"phoneOffer\": {\"value\": 1, \"type\": \"Long\"}}}"
        },
        new String[] {
          "POST",
          "/signal",
          "{\"name\": \"anySignal\", \"variables\": {\"outcome\": {\"value\": \"X\"}}}"
        },
        new String[] {"POST", "/condition", "{\"variables\": {\"outcome\": {\"value\": \"X\"}}}"},
        new String[] {"POST", "/task/{task}/bpmnError", "{\"errorCode\": \"anyError\"}"},
        new String[] {
          "POST", "/task/{task}/bpmnEscalation", "{\"escalationCode\": \"anyEscalation\"}"
        },
        new String[] {
          "POST",
          "/task/{task}/identity-links",
          "{\"groupId\": \"{otherGroup}\", \"type\": \"candidate\"}"
        },
        new String[] {"POST", "/task/{task}/resolve", "{\"variables\": {}}"},
        new String[] {
          "POST",
          "/process-instance/variables-async",
          "{\"processInstanceIds\": [\"{main}\"], \"variables\": {\"office\": {\"value\": \"PINNEBERG\"}}}"
        },
        new String[] {"POST", "/task/{task}/delegate", "{\"userId\": \"fk-seg-2\"}"},
        new String[] {"POST", "/task/{task}/assignee", "{\"userId\": \"fk-seg-2\"}"});
  }

  static Stream<Arguments> everyRoleAndCommand() {
    return roles()
        .flatMap(role -> beyondTheTask().stream().map(c -> Arguments.of(role, c[0], c[1], c[2])));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("everyRoleAndCommand")
  void noRoleSendsTheEngineACommandBeyondItsTask(
      String role, String method, String path, String body) {
    // Given the victim case as it is
    String user = "provider".equals(role) ? victimProvider : role;
    Map<String, Object> before = state.of(victim.reference());

    // When the role sends the command
    var reply =
        api.as(user)
            .send(
                method,
                cases.engineRest() + fill(path, role),
                body == null ? null : fill(body, role));

    // Then it is refused and the case is unchanged
    assertThat(reply.status())
        .as("%s %s by %s: %s", method, path, user, reply.body())
        .isIn(400, 403, 404);
    assertThat(state.of(victim.reference())).isEqualTo(before);
  }

  @Test
  void whatTheEngineItselfRefusesIsOnRecordForTheCase() {
    // Given the Segeberg case with an open duty task, as it is
    Map<String, Object> before = state.of(victim.reference());
    String rest = cases.engineRest();
    String task = victimDutyTask.getId();
    ApiClient.Caller pinneberg = api.as("fk-pin-1");

    // When Pinneberg's caseworker claims and completes the Segeberg task (the guard lets both
    // through, the engine's authorization refuses them), modifies the case's instance and starts
    // the case process at its handover under the case's reference
    List<ApiClient.Reply> attempts =
        List.of(
            pinneberg.post(rest + "/task/" + task + "/claim", "{\"userId\": \"fk-pin-1\"}"),
            pinneberg.post(rest + "/task/" + task + "/complete", "{}"),
            pinneberg.post(
                rest + fill("/process-instance/{main}/modification", "fk-pin-1"),
                fill(beyondTheTask().get(0)[2], "fk-pin-1")),
            pinneberg.post(
                rest + "/process-definition/key/" + CaseProcess.KEY + "/start",
                """
        {"businessKey": "%s", "skipCustomListeners": true,
         "startInstructions": [{"type": "startBeforeActivity", "activityId": "ServiceTask_HandOver"}]}"""
                    .formatted(victim.reference())));

    // Then each is refused and the case is unchanged
    assertThat(attempts).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(403));
    assertThat(state.of(victim.reference())).isEqualTo(before);

    // and the case's audit log, as coordinators read it, names who tried which command
    JsonNode log =
        api.as("koordination-1").get("/api/audit?caseReference=" + victim.reference()).expect(200);
    List<String> refused =
        StreamSupport.stream(log.spliterator(), false)
            .filter(e -> "ACCESS_REFUSED".equals(e.path("action").asText()))
            .filter(e -> "fk-pin-1".equals(e.path("actor").asText()))
            .map(e -> e.path("detail").asText())
            .toList();
    assertThat(refused)
        .anySatisfy(d -> assertThat(d).startsWith("ClaimTaskCmd: "))
        .anySatisfy(d -> assertThat(d).startsWith("CompleteTaskCmd: "))
        .anySatisfy(d -> assertThat(d).startsWith("ModifyProcessInstanceCmd: "))
        .anySatisfy(d -> assertThat(d).startsWith("StartProcessInstanceAtActivitiesCmd: "));
  }

  @Test
  void theWebappsEngineApiIsGuardedLikeTheRestApi() throws Exception {
    // Given the office's caseworker logged in to Tasklist
    WebappSession tasklist = new WebappSession(port, engine.getName());
    String token = tasklist.logIn("tasklist", "fk-seg-1");
    Map<String, Object> before = state.of(victim.reference());
    String engineApi = "/camunda/api/engine/engine/" + engine.getName();

    // When it sends commands beyond its task through the webapps' own engine API
    List<HttpResponse<String>> replies =
        List.of(
            tasklist.send(
                "POST",
                engineApi + fill("/process-instance/{main}/modification", "fk-seg-1"),
                token,
                fill(beyondTheTask().get(0)[2], "fk-seg-1")),
            tasklist.send("POST", engineApi + fill("/job/{job}/execute", "fk-seg-1"), token, null),
            tasklist.send(
                "PUT",
                engineApi + fill("/process-instance/{main}/variables/office", "fk-seg-1"),
                token,
                "{\"value\": \"PINNEBERG\"}"),
            tasklist.send(
                "POST",
                engineApi + fill("/task/{task}/bpmnError", "fk-seg-1"),
                token,
                "{\"errorCode\": \"anyError\"}"));

    // Then the guard refuses each, and the case is unchanged; the session itself works
    assertThat(replies)
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(403));
    assertThat(state.of(victim.reference())).isEqualTo(before);
    assertThat(tasklist.send("GET", engineApi + "/task/count", token, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theLawfulPathOfACaseStaysOpen() {
    // Given a provider with a free place
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String rest = cases.engineRest();
    ApiClient.Caller caseworker = api.as("fk-seg-1");

    // When the caseworker starts a case with the Tasklist start form
    var started =
        caseworker.post(
            rest + "/process-definition/key/" + CaseProcess.KEY + "/submit-form",
            """
        {"variables": {"office": {"value": "SEGEBERG"}, "legalGround": {"value": "NR2_DRINGENDE_GEFAHR"},
         "pers_firstName": {"value": "Mia"}, "pers_lastName": {"value": "Rechtmäßig"}, "pers_estimatedAge": {"value": 11},
         "gender": {"value": "FEMALE"}, "siblings": {"value": 1}, "needTrauma": {"value": true},
         "urgency": {"value": "IMMEDIATE"}, "freedomRestriction": {"value": false},
         "pers_currentLocation": {"value": "Polizeirevier"}}}""");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String reference = started.json().get("businessKey").asText();

    // and claims, gives back, claims again and chooses, the provider accepts, and the caseworker
    // decides the outcome
    String choose = cases.task(reference, CaseProcess.SearchElements.CHOOSE);
    assertThat(
            caseworker
                .post(rest + "/task/" + choose + "/claim", "{\"userId\": \"fk-seg-1\"}")
                .status())
        .isEqualTo(204);
    assertThat(caseworker.post(rest + "/task/" + choose + "/unclaim").status()).isEqualTo(204);
    assertThat(
            caseworker
                .post(rest + "/task/" + choose + "/claim", "{\"userId\": \"fk-seg-1\"}")
                .status())
        .isEqualTo(204);
    cases.request(reference, "fk-seg-1", offer.id());
    cases.accept(provider, reference);
    String decide = cases.task(reference, CaseProcess.Elements.DECIDE_OUTCOME);
    assertThat(
            caseworker
                .post(rest + "/task/" + decide + "/claim", "{\"userId\": \"fk-seg-1\"}")
                .status())
        .isEqualTo(204);
    cases.submit("fk-seg-1", decide, "{\"outcome\": {\"value\": \"RETURN_HOME\"}}");

    // Then every step answered 2xx and the case ran to its end
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM custody_case WHERE reference = ?", String.class, reference))
        .isEqualTo("CLOSED");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE case_reference = ?"
                    + " AND action = 'DISCLOSURE_GRANTED'",
                Integer.class,
                reference))
        .isOne();
  }

  @Test
  void skipFlagsWithoutStartInstructionsNeverSkipTheIntake() {
    // Given the case process's start over /engine-rest
    String rest = cases.engineRest() + "/process-definition/key/" + CaseProcess.KEY;
    int started =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE START_USER_ID_ = 'fk-seg-2'"
                + " AND PROC_DEF_KEY_ = ?",
            Integer.class,
            CaseProcess.KEY);

    // When a caseworker starts it at its start event asking to skip listeners or input/output
    // mappings, and submits the start form with the flag
    var skipListeners = api.as("fk-seg-2").post(rest + "/start", "{\"skipCustomListeners\": true}");
    var skipMappings = api.as("fk-seg-2").post(rest + "/start", "{\"skipIoMappings\": true}");
    var submitted =
        api.as("fk-seg-2")
            .post(
                rest + "/submit-form",
                """
        {"skipCustomListeners": true, "skipIoMappings": true,
         "variables": {"office": {"value": "SEGEBERG"}, "legalGround": {"value": "NR2_DRINGENDE_GEFAHR"},
         "pers_firstName": {"value": "Mia"}, "pers_lastName": {"value": "Übersprungen"}, "pers_estimatedAge": {"value": 11},
         "gender": {"value": "FEMALE"}, "siblings": {"value": 1}, "needTrauma": {"value": true},
         "urgency": {"value": "IMMEDIATE"}, "freedomRestriction": {"value": false},
         "pers_currentLocation": {"value": "Polizeirevier"}}}""");

    // Then the engine refuses the flags at the start event before any command runs (the guard
    // never sees it; its ENGINE-13024 is answered 400 naming the flags, not Camunda's 500), and the
    // start form does not read them: its intake listener ran and bound a case to the instance
    assertThat(List.of(skipListeners, skipMappings))
        .allSatisfy(
            r -> {
              assertThat(r.status()).as(r.body()).isEqualTo(400);
              assertThat(r.body())
                  .contains("skipCustomListeners and skipIoMappings are not allowed");
            });
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "SELECT process_instance_id FROM custody_case WHERE reference = ?",
                String.class,
                submitted.json().get("businessKey").asText()))
        .isEqualTo(submitted.json().get("id").asText());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE START_USER_ID_ = 'fk-seg-2'"
                    + " AND PROC_DEF_KEY_ = ?",
                Integer.class,
                CaseProcess.KEY))
        .as("case process instances started by fk-seg-2: the form's only")
        .isEqualTo(started + 1);
  }

  @Test
  void aCaseworkerCannotAnswerTheProvidersRequestInItsPlace() {
    // Given a case waiting for a provider's answer
    Waiting waiting = waitingForANewProvider("fk-seg-1");
    CaseScenarios.Started target = waiting.started();
    String request = waiting.request().taskId();
    Map<String, Object> before = state.of(target.reference());

    // When the office's caseworker accepts for the provider, with the request form's own field
    var accepted =
        api.as("fk-seg-1")
            .post(
                cases.engineRest() + "/task/" + request + "/submit-form",
                "{\"variables\": {\"decision\": {\"value\": \"ACCEPT\"}}}");

    // Then it is refused and nothing is booked
    assertThat(accepted.status()).as(accepted.body()).isIn(403, 404);
    assertThat(state.of(target.reference())).isEqualTo(before);
  }

  @Test
  void anotherOfficeCannotRecordAPhonePlacementForTheCase() {
    // Given the Segeberg case with an open request
    OfferView phoneOffer = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    Map<String, Object> before = state.of(victim.reference());

    // When Pinneberg records a place found by phone for it
    var recorded =
        api.as("fk-pin-1")
            .post(
                "/api/cases/" + victim.reference() + "/phone-placement",
                "{\"offerId\": " + phoneOffer.id() + ", \"note\": \"am Telefon zugesagt\"}");

    // Then the case is not found for Pinneberg, and unchanged
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(404);
    assertThat(state.of(victim.reference())).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} starts {1}")
  @MethodSource("startsUnderTheVictimsReference")
  void noProcessStartsUnderTheReferenceOfARunningCase(String user, String processKey) {
    // Given the Segeberg case as it is
    Map<String, Object> before = state.of(victim.reference());
    long instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .count();

    // When a caseworker starts one of the case's processes with the case's reference as business
    // key
    var started =
        api.as(user)
            .post(
                cases.engineRest() + "/process-definition/key/" + processKey + "/start",
                "{\"businessKey\": \"" + victim.reference() + "\"}");

    // Then no instance starts, under that reference or any other
    assertThat(started.status()).as(started.body()).isBetween(400, 499);
    assertThat(state.of(victim.reference())).isEqualTo(before);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .count())
        .isEqualTo(instances);
  }

  static Stream<Arguments> startsUnderTheVictimsReference() {
    return Stream.of("fk-pin-1", "fk-seg-1")
        .flatMap(
            user ->
                Stream.of(CaseProcess.KEY, CaseProcess.SEARCH_KEY, DutiesProcess.KEY)
                    .map(key -> Arguments.of(user, key)));
  }

  @Test
  void aQueryCannotCarryAnExpression() {
    // When a caseworker's task query names its assignee by an expression that reaches a Spring bean
    var queried =
        api.as("fk-seg-1")
            .get(cases.engineRest() + "/task?assigneeExpression=%24%7BcaseLifecycle%7D");

    // Then the expression is not evaluated
    assertThat(queried.status()).as(queried.body()).isEqualTo(400);
  }

  /** The search process instance the victim's request runs in. */
  private String victimSearch() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskId(victimRequestTask)
        .singleResult()
        .getProcessInstanceId();
  }

  /**
   * Fills the placeholders with the victim case's ids, the task being the one the role works with.
   */
  private String fill(String template, String role) {
    String task = "provider".equals(role) ? victimRequestTask : victimDutyTask.getId();
    String search = victimSearch();
    String definition =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(victim.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    return template
        .replace("{main}", victim.processInstanceId())
        .replace("{search}", search)
        .replace("{task}", task)
        .replace("{job}", victimTimer.getId())
        .replace("{definition}", definition)
        .replace("{otherGroup}", District.STORMARN.groupId());
  }
}
