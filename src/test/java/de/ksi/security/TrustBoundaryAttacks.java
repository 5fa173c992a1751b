// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of issue #15 whose path runs through the database the installation uses: taking over
 * another office's case by starting its process at the handover (finding 1), a provider writing a
 * placement into its request (finding 3), Java objects and malformed JSON in a case's variables
 * (finding 5), and releasing an open request's hold or ending a running case's placement past the
 * process, whose check reads the engine's runtime tables. Each is refused and the case unchanged
 * (row, instances, variables, tasks, grants, holds, placements, audit). Runs on H2 ({@link
 * TrustBoundaryAttackIT}, with the rest of the attack suite) and PostgreSQL ({@link
 * TrustBoundaryAttackPostgresIT}), with caseworkers of its own, as the PostgreSQL suite has no demo
 * users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrustBoundaryAttacks {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  CaseScenarios cases;
  CaseState state;

  // caseworkers of three offices and a coordinator
  String segeberg;
  String segeberg2;
  String pinneberg;
  String lauenburg;
  String coordinator;

  @BeforeAll
  void caseworkersOfThreeOfficesACoordinatorAndAFreePlace() {
    api = new ApiClient(port);
    cases = new CaseScenarios(api, engine);
    state = new CaseState(jdbc);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    segeberg = fixtures.user("it-tb-seg-" + suffix, District.SEGEBERG.groupId());
    segeberg2 = fixtures.user("it-tb-seg2-" + suffix, District.SEGEBERG.groupId());
    pinneberg = fixtures.user("it-tb-pin-" + suffix, District.PINNEBERG.groupId());
    lauenburg = fixtures.user("it-tb-hlb-" + suffix, District.HERZOGTUM_LAUENBURG.groupId());
    coordinator = fixtures.user("it-tb-koord-" + suffix, Groups.COORDINATORS);
    // a free place, so that a new Segeberg case's search has candidates and waits in "Platz
    // auswählen" (the PostgreSQL suite has no demo providers)
    fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
  }

  /**
   * A case waiting for the answer of a provider: the case, the offer asked, its provider's login
   * and request.
   */
  record Waiting(
      CaseScenarios.Started started,
      long offerId,
      String provider,
      CaseScenarios.Request request) {}

  /** A case placed with a provider: the case and the provider's login. */
  record Placed(CaseScenarios.Started started, String provider) {}

  /** A new Segeberg case of the caseworker asking a new provider with a free place. */
  Waiting waitingForANewProvider(String caseworker) {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    CaseScenarios.Started started = cases.open(District.SEGEBERG, caseworker);
    cases.request(started.reference(), caseworker, offer.id());
    return new Waiting(
        started, offer.id(), provider, cases.requestOf(provider, started.reference()));
  }

  /** A new Segeberg case of the caseworker placed with a new provider. */
  Placed placedWithANewProvider(String caseworker) {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    return new Placed(cases.placed(District.SEGEBERG, caseworker, offer.id(), provider), provider);
  }

  @Test
  void anotherOfficeCannotStartTheCaseProcessInsideTheHandoverOfACaseThatIsNotItsOwn() {
    // Given a Herzogtum Lauenburg case
    CaseScenarios.Started lauenburgCase = cases.open(District.HERZOGTUM_LAUENBURG, lauenburg);
    Map<String, Object> before = state.of(lauenburgCase.reference());
    int refusals = state.refusalsOf(pinneberg);
    String variables =
        """
        "variables": {"caseId": {"value": %d, "type": "Long"}, "outcome": {"value": "HANDOVER_OFFICE"},
                      "handoverOffice": {"value": "PINNEBERG"}}"""
            .formatted(lauenburgCase.caseId());
    String start = cases.engineRest() + "/process-definition/key/" + CaseProcess.KEY + "/start";

    // When Pinneberg starts the case process right before the handover step, without listeners,
    // with the case's id
    int startedByPinneberg =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE START_USER_ID_ = ?",
            Integer.class,
            pinneberg);
    var atHandover =
        api.as(pinneberg)
            .post(
                start,
                "{"
                    + variables
                    + """
        , "startInstructions": [{"type": "startBeforeActivity", "activityId": "ServiceTask_HandOver"}],
          "skipCustomListeners": true}""");
    // and right before the handover step with no variables at all, and at the start event with the
    // variables
    var instructionsOnly =
        api.as(pinneberg)
            .post(
                start,
                """
        {"startInstructions": [{"type": "startBeforeActivity", "activityId": "ServiceTask_HandOver"}],
         "skipCustomListeners": true}""");
    var atStart = api.as(pinneberg).post(start, "{" + variables + "}");

    // Then each is refused (a start form field it does not declare with 400 naming it) and the case
    // is unchanged
    SoftAssertions.assertSoftly(
        then -> {
          then.assertThat(atHandover.status()).as(atHandover.body()).isEqualTo(403);
          then.assertThat(instructionsOnly.status()).as(instructionsOnly.body()).isEqualTo(403);
          then.assertThat(atStart.status()).as(atStart.body()).isEqualTo(400);
          then.assertThat(atStart.body()).contains("is not a field of this form");
          then.assertThat(state.of(lauenburgCase.reference())).isEqualTo(before);
          then.assertThat(
                  api.as(pinneberg)
                      .get("/api/cases/" + lauenburgCase.reference() + "/identity")
                      .status())
              .isEqualTo(404);
          then.assertThat(
                  api.as(lauenburg)
                      .get("/api/cases/" + lauenburgCase.reference() + "/identity")
                      .status())
              .isEqualTo(200);
          then.assertThat(
                  jdbc.queryForObject(
                      "SELECT COUNT(*) FROM audit_log WHERE case_reference = ?"
                          + " AND action = 'DISCLOSED_TO_OFFICE'",
                      Integer.class,
                      lauenburgCase.reference()))
              .isZero();
          then.assertThat(
                  jdbc.queryForObject(
                      "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE START_USER_ID_ = ?",
                      Integer.class,
                      pinneberg))
              .as("instances started by Pinneberg")
              .isEqualTo(startedByPinneberg);
          then.assertThat(state.refusalsOf(pinneberg)).isGreaterThan(refusals);
        });
  }

  @Test
  void aProviderCannotWriteAPlacementIntoItsRequestAndItsDeclineStaysADecline() {
    // Given a provider that was placed with once before, and a new case asking it and a second
    // provider
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 3);
    String provider = fixtures.providerLogin(offer.id());
    CaseScenarios.Started earlier = cases.placed(District.SEGEBERG, segeberg, offer.id(), provider);
    long olderPlacement = state.placementOf(earlier.caseId());
    OfferView second = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String secondProvider = fixtures.providerLogin(second.id());
    CaseScenarios.Started target = cases.open(District.SEGEBERG, segeberg2);
    cases.request(target.reference(), segeberg2, offer.id(), second.id());
    CaseScenarios.Request request = cases.requestOf(provider, target.reference());
    CaseScenarios.Request otherRequest = cases.requestOf(secondProvider, target.reference());
    Task task = engine.getTaskService().createTaskQuery().taskId(request.taskId()).singleResult();
    Map<String, Object> before = state.of(target.reference());
    String rest = cases.engineRest();
    String placement = "{\"value\": " + olderPlacement + ", \"type\": \"Long\"}";

    // When the provider writes that placement's id into its request task, its execution and the
    // search
    List<ApiClient.Reply> writes =
        List.of(
            api.as(provider)
                .put(rest + "/task/" + task.getId() + "/variables/placementId", placement),
            api.as(provider)
                .post(
                    rest + "/task/" + task.getId() + "/variables",
                    "{\"modifications\": {\"placementId\": " + placement + "}}"),
            api.as(provider)
                .put(rest + "/task/" + task.getId() + "/localVariables/placementId", placement),
            api.as(provider)
                .put(
                    rest + "/execution/" + task.getExecutionId() + "/localVariables/placementId",
                    placement),
            api.as(provider)
                .put(
                    rest
                        + "/process-instance/"
                        + task.getProcessInstanceId()
                        + "/variables/placementId",
                    placement));

    // Then every write is refused and nothing changed
    assertThat(writes).allSatisfy(w -> assertThat(w.status()).as(w.body()).isIn(403, 404));
    assertThat(state.of(target.reference())).isEqualTo(before);

    // When it declines its request
    var declined =
        api.as(provider)
            .post(
                "/api/requests/" + request.holdId() + "/decline",
                "{\"reason\": \"STAFF_SHORTAGE\"}");

    // Then the case is still open, nothing was booked or disclosed, the other request still waits
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);
    assertThat(state.status(target.caseId())).isEqualTo("OPEN");
    assertThat(state.placements(target.reference())).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE case_reference = ?"
                    + " AND action = 'DISCLOSURE_GRANTED'",
                Integer.class,
                target.reference()))
        .isZero();
    assertThat(state.holdStatus(otherRequest.holdId())).isEqualTo("HELD");
    assertThat(engine.getTaskService().createTaskQuery().taskId(otherRequest.taskId()).count())
        .isOne();
    api.as(provider).get("/api/cases/" + target.reference() + "/identity").problem(404);
  }

  @Test
  void aCaseworkerCannotStoreAJavaObjectInItsCase() {
    // Given its own case waiting in "Platz auswählen"
    CaseScenarios.Started own = cases.open(District.SEGEBERG, segeberg);
    String choose = cases.task(own.reference(), CaseProcess.SearchElements.CHOOSE);
    Map<String, Object> before = state.of(own.reference());
    String gadget =
        """
        {"value": "{}", "type": "Object",
         "valueInfo": {"objectTypeName": "java.lang.ProcessBuilder", "serializationDataFormat": "application/json"}}""";

    // When its caseworker writes a JDK object into the instance and submits one as a form field
    var written =
        api.as(segeberg)
            .put(
                cases.engineRest()
                    + "/process-instance/"
                    + own.processInstanceId()
                    + "/variables/gadget",
                gadget);
    var submitted =
        api.as(segeberg)
            .post(
                cases.engineRest() + "/task/" + choose + "/submit-form",
                "{\"variables\": {\"choice\": " + gadget + "}}");

    // Then both are refused (the form naming the field) and nothing is stored
    SoftAssertions.assertSoftly(
        then -> {
          then.assertThat(written.status()).as(written.body()).isEqualTo(403);
          then.assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
          then.assertThat(submitted.body()).contains("choice");
          then.assertThat(state.of(own.reference())).isEqualTo(before);
        });
  }

  @Test
  void anObjectOfAClassOutsideTheAllowListIsNeverInstantiatedWhenRead() {
    // Given an administrator's Java call stored an object variable of a class no package allow-list
    // names
    CaseScenarios.Started own = cases.open(District.SEGEBERG, segeberg);
    engine
        .getRuntimeService()
        .setVariable(
            own.processInstanceId(),
            "gadget",
            Variables.serializedObjectValue("{\"command\": \"calc\"}")
                .serializationDataFormat("application/json")
                .objectTypeName(Gadget.class.getName())
                .create());
    int instancesBefore = Gadget.INSTANCES.get();

    // When the engine reads it deserialised, and the caseworker reads it over REST
    assertThatThrownBy(
            () -> engine.getRuntimeService().getVariable(own.processInstanceId(), "gadget"))
        .as("the engine's type validation refuses the class")
        .hasStackTraceContaining(Gadget.class.getName());
    var read =
        api.as(segeberg)
            .get(
                cases.engineRest()
                    + "/process-instance/"
                    + own.processInstanceId()
                    + "/variables/gadget");

    // Then no instance of the class was ever created
    assertThat(read.status()).as(read.body()).isNotEqualTo(200);
    assertThat(Gadget.INSTANCES.get()).isEqualTo(instancesBefore).isZero();
    engine.getRuntimeService().removeVariable(own.processInstanceId(), "gadget");
  }

  @Test
  void malformedJsonInAFormFieldIsRefusedNamingItAndTheTaskStaysReadable() {
    // Given its own case waiting in "Platz auswählen"
    CaseScenarios.Started own = cases.open(District.SEGEBERG, segeberg);
    String choose = cases.task(own.reference(), CaseProcess.SearchElements.CHOOSE);
    Map<String, Object> before = state.of(own.reference());

    // When its caseworker submits a selection that is no JSON
    var submitted =
        api.as(segeberg)
            .post(
                cases.engineRest() + "/task/" + choose + "/submit-form",
                """
        {"variables": {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[not json", "type": "Json"}}}""");

    // Then it is refused naming the field, and the task's form and variables still load
    SoftAssertions.assertSoftly(
        then -> {
          then.assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
          then.assertThat(submitted.body()).contains("selectedOffers");
          then.assertThat(state.of(own.reference())).isEqualTo(before);
          then.assertThat(
                  api.as(segeberg)
                      .get(cases.engineRest() + "/task/" + choose + "/form-variables")
                      .status())
              .isEqualTo(200);
          then.assertThat(
                  api.as(segeberg)
                      .get(cases.engineRest() + "/task/" + choose + "/variables")
                      .status())
              .isEqualTo(200);
        });
  }

  @Test
  void neitherTheOfficeNorTheProviderReleasesAnOpenRequestPastTheProcess() {
    // Given a case waiting for a provider's answer
    Waiting waiting = waitingForANewProvider(segeberg);
    CaseScenarios.Started target = waiting.started();
    String provider = waiting.provider();
    long holdId = waiting.request().holdId();
    Map<String, Object> before = state.of(target.reference());

    // When the office's caseworker, the provider and a coordinator release the request's hold
    var byOffice = api.as(segeberg).post("/api/holds/" + holdId + "/release");
    var byProvider = api.as(provider).inGerman().post("/api/holds/" + holdId + "/release");
    var byCoordinator = api.as(coordinator).post("/api/holds/" + holdId + "/release");

    // Then each is refused saying why, in English and German, and the case is unchanged
    SoftAssertions.assertSoftly(
        then -> {
          then.assertThat(byOffice.problem(409).path("code").asText())
              .isEqualTo("problem.hold.open-request");
          then.assertThat(byOffice.body()).contains("open placement request", "case process");
          then.assertThat(byProvider.problem(409).path("detail").asText())
              .contains("offene Platzanfrage", "Fallprozess");
          then.assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(409);
          then.assertThat(state.of(target.reference())).isEqualTo(before);
        });

    // and the provider can still accept: the child is placed in the held place
    assertThat(api.as(provider).post("/api/requests/" + holdId + "/accept").status())
        .isEqualTo(204);
    assertThat(state.status(target.caseId())).isEqualTo("PLACED");
    assertThat(state.holdStatus(holdId)).isEqualTo("CONFIRMED");

    // while a hold that is no request of a case is released as before
    long ownHold =
        api.as(segeberg)
            .post(
                "/api/holds",
                "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                    .formatted(waiting.offerId(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201)
            .get("id")
            .asLong();
    assertThat(
            api.as(segeberg)
                .post("/api/holds/" + ownHold + "/release")
                .expect(200)
                .get("status")
                .asText())
        .isEqualTo("RELEASED");
  }

  @Test
  void thePlacementOfARunningCaseEndsOnlyWithTheCasesOutcome() {
    // Given a placed case whose office is to decide the outcome
    Placed placedCase = placedWithANewProvider(segeberg);
    CaseScenarios.Started placed = placedCase.started();
    String provider = placedCase.provider();
    long placementId = state.placementOf(placed.caseId());
    Map<String, Object> before = state.of(placed.reference());
    String end = "/api/placements/" + placementId + "/end";
    String body = "{\"reason\": \"RETURN_HOME\"}";

    // When its caseworker, the provider and a coordinator end the placement directly
    List<ApiClient.Reply> ends =
        List.of(
            api.as(segeberg).post(end, body),
            api.as(provider).inGerman().post(end, body),
            api.as(coordinator).post(end, body));

    // Then each is refused saying why, the place stays taken and the case is unchanged
    assertThat(ends)
        .allSatisfy(
            r ->
                assertThat(r.problem(409).path("code").asText())
                    .isEqualTo("problem.placement.case-running"));
    assertThat(ends.get(0).body()).contains("running case " + placed.reference());
    assertThat(ends.get(1).body()).contains("laufenden Falls " + placed.reference());
    assertThat(state.of(placed.reference())).isEqualTo(before);

    // When the office decides the outcome in Tasklist
    String decide = cases.task(placed.reference(), CaseProcess.Elements.DECIDE_OUTCOME);
    assertThat(
            api.as(segeberg)
                .post(
                    cases.engineRest() + "/task/" + decide + "/claim",
                    "{\"userId\": \"" + segeberg + "\"}")
                .status())
        .isEqualTo(204);
    cases.submit(segeberg, decide, "{\"outcome\": {\"value\": \"RETURN_HOME\"}}");

    // Then the process ended the placement, and ending it again is harmless
    assertThat(
            jdbc.queryForObject(
                "SELECT end_reason FROM placement WHERE id = ?", String.class, placementId))
        .isEqualTo("RETURN_HOME");
    assertThat(api.as(segeberg).post(end, body).status()).isEqualTo(200);
  }
}
