// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Gender;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess.Choice;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.EmergencyMeasure;
import de.ksi.intake.EscalationLevel;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.IntakeService;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import de.ksi.notification.Notifications;
import de.ksi.platform.ProblemException;
import de.ksi.testing.Intakes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Scenarios of the case process and its place search through the real delegates, registry and
 * database (in-memory H2 with the demo providers): what a case does to our tables, notifications
 * and audit log. Every path of each model is asserted by the in-memory process tests ({@link
 * CaseModelProcessTest}, {@link SearchModelProcessTest}); timers here are driven by moving the
 * engine's clock.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:caseprocess;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "ksi.demo.enabled=true"
    })
class CaseProcessScenarioIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired CapacityRegistry registry;
  @Autowired IntakeService cases;
  @Autowired AuditLog audit;
  @Autowired ProviderDirectory directory;
  @Autowired Notifications notifications;

  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new CaseScenario(engine, intake, registry);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  CaseIntake.StartedCase girlOf13(District office, Urgency urgency) {
    return scenario.start(
        Intakes.request(office, LegalGround.NR2_DRINGENDE_GEFAHR, 13, Gender.FEMALE, urgency));
  }

  @Test
  void theDecisionsReadTheProfileFromTheCaseTableAndNoneOfItIsStoredAsAVariable() {
    // a girl of 13 who needs a protected place, reported as urgent today
    IntakeRequest request =
        Intakes.request(
            District.SEGEBERG, LegalGround.NR2_DRINGENDE_GEFAHR, 13, Gender.FEMALE, Urgency.TODAY);
    var started =
        scenario.start(
            new IntakeRequest(
                request.office(),
                request.legalGround(),
                request.firstName(),
                request.lastName(),
                request.birthDate(),
                request.estimatedAge(),
                request.gender(),
                request.languages(),
                request.siblings(),
                java.util.Set.of(de.ksi.capacity.Need.SECRET_LOCATION),
                request.urgency(),
                request.freedomRestriction(),
                request.currentLocation(),
                request.narrative(),
                request.custodyStart()));

    // the eligible categories and the deadlines follow the registered profile
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(started.processInstanceId(), Vars.ELIGIBLE_CATEGORIES)
                .toString())
        .contains("MAEDCHENSCHUTZ", "INOBHUTNAHME_GRUPPE")
        .doesNotContain("KLEINKIND");
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(started.processInstanceId(), Vars.DISTRICT_DEADLINE))
        .as("TODAY: two hours in the own district")
        .isEqualTo("PT2H");

    // and no process of the case holds or ever held age, gender, urgency, siblings or a need
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instancesOf(started.caseReference()))
                .list())
        .extracting(v -> v.getName())
        .isNotEmpty()
        .doesNotContainAnyElementsOf(DecisionProfile.NAMES);
  }

  private String[] instancesOf(String reference) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .list()
        .stream()
        .map(i -> i.getId())
        .toArray(String[]::new);
  }

  @Test
  void acceptedRequestPlacesTheChildInTheOwnDistrict() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    long offer = scenario.firstCandidate(started.caseReference());
    int freeBefore = registry.freePlaces(offer);

    scenario.request(started.caseReference(), offer);
    assertThat(registry.freePlaces(offer))
        .as("held while the provider decides")
        .isEqualTo(freeBefore - 1);
    assertThat(notifications.forGroups(List.of(directory.groupOfOffer(offer)), 50))
        .as("the provider is told of the request, pseudonymised")
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Notifications.Kind.NEW_REQUEST);
              assertThat(n.caseReference()).isEqualTo(started.caseReference());
              assertThat(n.message())
                  .contains("13 Jahre", "/camunda/app/tasklist/")
                  .doesNotContain("Muster");
            });
    scenario.accept(started.caseReference(), offer);

    CustodyCase placed = cases.byReference(started.caseReference());
    assertThat(placed.getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    assertThat(placed.getEscalationLevel()).isEqualTo(EscalationLevel.DISTRICT);
    assertThat(registry.placement(placed.getPlacementId()).offerId()).isEqualTo(offer);
    assertThat(registry.freePlaces(offer)).isEqualTo(freeBefore - 1);
    assertThat(scenario.task(started.caseReference(), Elements.DECIDE_OUTCOME)).isNotNull();
    assertThat(audit.forCase(started.caseReference()))
        .extracting(AuditLog.Entry::action)
        .containsExactly(AuditLog.Action.DISCLOSURE_GRANTED);
  }

  @Test
  void declinedRequestMovesToNextCandidate() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long first = scenario.firstCandidate(ref);

    scenario.request(ref, first);
    scenario.answer(
        ref, first, Map.of(Vars.DECISION, "DECLINE", Vars.DECLINE_REASON, "STAFF_SHORTAGE"));

    Task again = scenario.task(ref, SearchElements.CHOOSE);
    assertThat(scenario.candidates(again))
        .as("the provider that declined is not asked again")
        .doesNotContain(first);
    assertThat(registry.holdsOf(ref))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.status()).isEqualTo(HoldStatus.DECLINED);
              assertThat(h.declineReason()).hasToString("STAFF_SHORTAGE");
            });
  }

  @Test
  void unansweredRequestExpiresAtTheResponseDeadlineAndTheSearchMovesOn() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long first = scenario.firstCandidate(ref);
    int freeBefore = registry.freePlaces(first);
    scenario.request(ref, first);

    scenario.passTime(ref, Duration.ofMinutes(16));

    assertThat(scenario.holdStatuses(ref)).containsExactly(HoldStatus.EXPIRED);
    assertThat(registry.freePlaces(first)).isEqualTo(freeBefore);
    assertThat(scenario.candidates(scenario.task(ref, SearchElements.CHOOSE)))
        .doesNotContain(first);
    assertThat(scenario.tasks(ref, SearchElements.ANSWER)).isEmpty();
  }

  @Test
  void firstAcceptanceWinsAndEveryOtherRequestIsWithdrawnAtOnce() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    List<Long> candidates = scenario.candidates(scenario.task(ref, SearchElements.CHOOSE));
    long winner = candidates.get(1);
    long other = candidates.get(0);
    int otherFree = registry.freePlaces(other);

    scenario.request(ref, other, winner);
    assertThat(scenario.tasks(ref, SearchElements.ANSWER)).hasSize(2);
    scenario.accept(ref, winner);

    assertThat(scenario.tasks(ref, SearchElements.ANSWER))
        .as("the other provider's task is cancelled")
        .isEmpty();
    assertThat(registry.freePlaces(other)).as("the other hold is released").isEqualTo(otherFree);
    assertThat(scenario.holdStatuses(ref))
        .containsExactlyInAnyOrder(HoldStatus.CONFIRMED, HoldStatus.RELEASED);
    assertThat(registry.placement(cases.byReference(ref).getPlacementId()).offerId())
        .isEqualTo(winner);
    String otherProvider = directory.groupOfOffer(other);
    assertThat(notifications.forGroups(List.of(otherProvider), 50))
        .as("the provider whose request was withdrawn is told")
        .anySatisfy(
            n -> {
              assertThat(n.caseReference()).isEqualTo(ref);
              assertThat(n.kind()).isEqualTo(Notifications.Kind.REQUEST_WITHDRAWN);
            });
  }

  @RepeatedTest(5)
  void twoProvidersAcceptingAtTheSameMomentNeverBookTwoPlaces() throws Exception {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    List<Long> candidates = scenario.candidates(scenario.task(ref, SearchElements.CHOOSE));
    scenario.request(ref, candidates.get(0), candidates.get(1));
    List<Task> requests = scenario.tasks(ref, SearchElements.ANSWER);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService providers = Executors.newFixedThreadPool(2);

    List<Future<Boolean>> answers =
        requests.stream()
            .map(
                task ->
                    providers.submit(
                        () -> {
                          start.await();
                          try {
                            scenario.complete(task, Map.of(Vars.DECISION, "ACCEPT"));
                            return true;
                          } catch (OptimisticLockingException
                              | ProblemException.Conflict
                              | NullValueException lostTheRace) {
                            // the engine's concurrent-change check, our registry's row lock, or the
                            // winner already removed the task
                            return false;
                          }
                        }))
            .toList();
    start.countDown();
    long winners = 0;
    for (Future<Boolean> answer : answers) {
      winners += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    providers.shutdown();

    assertThat(winners).isEqualTo(1);
    assertThat(registry.placementsOf(ref)).hasSize(1);
    assertThat(scenario.holdStatuses(ref))
        .containsExactlyInAnyOrder(HoldStatus.CONFIRMED, HoldStatus.RELEASED);
    assertThat(scenario.tasks(ref, SearchElements.ANSWER)).isEmpty();
    assertThat(cases.byReference(ref).getStatus()).isEqualTo(CustodyCase.Status.PLACED);
  }

  @Test
  void districtDeadlineEscalatesToTheNetworkWhereAnotherDistrictPlacesTheChild() {
    var started = girlOf13(District.NORDERSTEDT, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    scenario.passTime(ref, Duration.ofMinutes(20));
    long held = scenario.firstCandidate(ref);
    scenario.request(ref, held);

    scenario.passTime(ref, Duration.ofMinutes(11));

    assertThat(cases.byReference(ref).getEscalationLevel()).isEqualTo(EscalationLevel.NETWORK);
    assertThat(scenario.holdStatuses(ref))
        .as("open requests withdrawn on escalation")
        .containsExactly(HoldStatus.RELEASED);
    assertThat(notifications.forGroups(List.of("koordinierungsstelle"), 50))
        .anySatisfy(
            n -> {
              assertThat(n.caseReference()).isEqualTo(ref);
              assertThat(n.kind()).isEqualTo(Notifications.Kind.NETWORK_ESCALATION);
              assertThat(n.message()).contains("13 Jahre").doesNotContain("Muster");
            });
    Task networkChoice = scenario.task(ref, SearchElements.CHOOSE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(networkChoice.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("koordinierungsstelle"));
    long elsewhere =
        scenario.candidates(networkChoice).stream()
            .filter(o -> districtOf(o) != District.NORDERSTEDT)
            .findFirst()
            .orElseThrow();
    scenario.request(ref, elsewhere);
    scenario.accept(ref, elsewhere);

    assertThat(cases.byReference(ref).getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    assertThat(
            engine
                .getRuntimeService()
                .getVariable(started.processInstanceId(), Vars.ESCALATION_LEVEL))
        .isEqualTo(EscalationLevel.NETWORK.value());
    assertThat(cases.byReference(ref).getPlacementLevel())
        .as("kept for statistics")
        .isEqualTo(EscalationLevel.NETWORK);
  }

  @Test
  void theNetworkDeadlineEscalatesToLevelTwoWhereAnEmergencyMeasureIsRecorded() {
    var started = girlOf13(District.PINNEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    scenario.choose(ref, Map.of(Vars.CHOICE, Choice.GIVE_UP));
    assertThat(cases.byReference(ref).getEscalationLevel()).isEqualTo(EscalationLevel.NETWORK);

    scenario.passTime(ref, Duration.ofMinutes(61));

    assertThat(cases.byReference(ref).getEscalationLevel()).isEqualTo(EscalationLevel.LEVEL2);
    Task level2 = scenario.task(ref, Elements.LEVEL2_DECISION);
    assertThat(engine.getTaskService().getIdentityLinksForTask(level2.getId()))
        .extracting(link -> link.getGroupId())
        .contains("koordinierungsstelle", District.PINNEBERG.headGroupId());
    assertThat(notifications.forGroups(List.of(District.PINNEBERG.headGroupId()), 50))
        .anySatisfy(n -> assertThat(n.kind()).isEqualTo(Notifications.Kind.LEVEL2_ESCALATION));
    scenario.complete(
        level2,
        Map.of(
            Vars.EMERGENCY_MEASURE,
            "NOTBETT",
            Vars.EMERGENCY_REASON,
            "Kein Platz im Verbund",
            Vars.PLACED_PROVIDER,
            "Notbett im Jugendamt"));

    CustodyCase c = cases.byReference(ref);
    assertThat(c.getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    assertThat(c.getEmergencyMeasure()).isEqualTo(EmergencyMeasure.NOTBETT);
    assertThat(c.getPlacementId()).as("an emergency bed outside the registry").isNull();
  }

  @Test
  void placeFoundByPhoneIsRecordedAsThePlacement() {
    var started = girlOf13(District.STORMARN, Urgency.TODAY);
    String ref = started.caseReference();
    long offer = scenario.firstCandidate(ref);
    int freeBefore = registry.freePlaces(offer);

    scenario.choose(
        ref,
        Map.of(
            Vars.CHOICE,
            Choice.PHONE,
            Vars.PHONE_OFFER,
            offer,
            Vars.PHONE_NOTE,
            "Frau K., Nachtdienst"));

    CustodyCase c = cases.byReference(ref);
    assertThat(c.getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    assertThat(registry.freePlaces(offer)).isEqualTo(freeBefore - 1);
    assertThat(registry.holdsOf(ref)).isEmpty();
  }

  @Test
  void placeFoundByPhoneWhileRequestsAreOpenWithdrawsThem() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    List<Long> candidates = scenario.candidates(scenario.task(ref, SearchElements.CHOOSE));
    scenario.request(ref, candidates.get(0));
    long byPhone = candidates.get(1);

    engine
        .getRuntimeService()
        .createMessageCorrelation(CaseProcess.Messages.PLACE_FOUND_BY_PHONE)
        .processInstanceBusinessKey(ref)
        .setVariable(Vars.PHONE_OFFER, byPhone)
        .setVariable(Vars.PHONE_NOTE, "Herr P., Nachtbereitschaft")
        .correlate();

    assertThat(scenario.tasks(ref, SearchElements.ANSWER)).isEmpty();
    assertThat(scenario.holdStatuses(ref)).containsExactly(HoldStatus.RELEASED);
    assertThat(registry.placement(cases.byReference(ref).getPlacementId()).offerId())
        .isEqualTo(byPhone);
  }

  @Test
  void anOverdueLegalDutyIsToldToTheOfficeAsWell() {
    var started = girlOf13(District.HERZOGTUM_LAUENBURG, Urgency.PLANNED);

    scenario.passTime(started.caseReference(), Duration.ofHours(5));

    assertThat(notifications.forGroups(List.of(District.HERZOGTUM_LAUENBURG.groupId()), 50))
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Notifications.Kind.OVERDUE_DUTY);
              assertThat(n.caseReference()).isEqualTo(started.caseReference());
              assertThat(n.message()).contains("Frist überschritten").doesNotContain("Muster");
            });
    assertThat(cases.byReference(started.caseReference()).getOverdueDuties())
        .as("counted for statistics")
        .isPositive();
  }

  @Test
  void returnHomeClosesTheCaseAndFreesThePlace() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long offer = placeWithFirstCandidate(ref);
    int freeWhilePlaced = registry.freePlaces(offer);

    scenario.complete(
        scenario.task(ref, Elements.DECIDE_OUTCOME), Map.of(Vars.OUTCOME, "RETURN_HOME"));

    CustodyCase c = cases.byReference(ref);
    assertThat(c.getStatus()).isEqualTo(CustodyCase.Status.CLOSED);
    assertThat(c.getOutcome()).isEqualTo(CaseOutcome.RETURN_HOME);
    assertThat(registry.freePlaces(offer)).isEqualTo(freeWhilePlaced + 1);
    assertThat(scenario.ended(started.processInstanceId())).as("duties end with the case").isTrue();
  }

  @Test
  void followUpHandoverReleasesTheEmergencyPlaceAtOnce() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long emergency = placeWithFirstCandidate(ref);
    int freeWhilePlaced = registry.freePlaces(emergency);

    scenario.complete(
        scenario.task(ref, Elements.DECIDE_OUTCOME),
        Map.of(Vars.OUTCOME, "FOLLOW_UP", Vars.FOLLOW_UP_CATEGORY, "WOHNGRUPPE_34"));
    long followUp = scenario.firstCandidate(ref);
    scenario.request(ref, followUp);
    scenario.accept(ref, followUp);
    assertThat(registry.freePlaces(emergency))
        .as("still placed until handover")
        .isEqualTo(freeWhilePlaced);
    scenario.complete(
        scenario.task(ref, Elements.HANDOVER), Map.of(Vars.HANDOVER_DATE, "01.12.2026"));

    assertThat(registry.freePlaces(emergency)).isEqualTo(freeWhilePlaced + 1);
    CustodyCase c = cases.byReference(ref);
    assertThat(c.getStatus()).isEqualTo(CustodyCase.Status.CLOSED);
    assertThat(c.getPlacementLevel()).isEqualTo(EscalationLevel.DISTRICT);
    assertThat(c.getNeededCategory()).as("first eligible category").isNotNull();
    assertThat(c.getFollowUpNeededAt())
        .as("decision for follow-up help kept for statistics")
        .isNotNull();
    assertThat(registry.placementsOf(ref))
        .filteredOn(p -> p.endedAt() == null)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.offerId())
                    .as("the child lives at the follow-up provider")
                    .isEqualTo(followUp));
    assertThat(scenario.ended(started.processInstanceId())).isTrue();
  }

  @Test
  void noFollowUpFoundLeadsBackToTheOutcomeDecision() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    placeWithFirstCandidate(ref);
    scenario.complete(
        scenario.task(ref, Elements.DECIDE_OUTCOME),
        Map.of(Vars.OUTCOME, "FOLLOW_UP", Vars.FOLLOW_UP_CATEGORY, "PFLEGEFAMILIE_33"));

    scenario.choose(ref, Map.of(Vars.CHOICE, Choice.GIVE_UP));

    assertThat(scenario.task(ref, Elements.DECIDE_OUTCOME)).isNotNull();
    assertThat(cases.byReference(ref).getStatus()).isEqualTo(CustodyCase.Status.PLACED);
  }

  @Test
  void handoverToAnotherOfficeIsAuditedAndClosesTheCase() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long emergency = placeWithFirstCandidate(ref);
    int freeWhilePlaced = registry.freePlaces(emergency);

    scenario.complete(
        scenario.task(ref, Elements.DECIDE_OUTCOME),
        Map.of(Vars.OUTCOME, "HANDOVER_OFFICE", Vars.HANDOVER_OFFICE, "STORMARN"));
    scenario.complete(
        scenario.task(ref, Elements.HANDOVER), Map.of(Vars.HANDOVER_DATE, "01.12.2026"));

    assertThat(registry.freePlaces(emergency)).isEqualTo(freeWhilePlaced + 1);
    assertThat(cases.byReference(ref).getHandoverOffice()).isEqualTo(District.STORMARN);
    assertThat(audit.forCase(ref))
        .extracting(AuditLog.Entry::action)
        .contains(AuditLog.Action.DISCLOSED_TO_OFFICE);
  }

  @Test
  void bestCandidateIsAskedAutomatically() {
    var started = girlOf13(District.HERZOGTUM_LAUENBURG, Urgency.PLANNED);
    String ref = started.caseReference();
    long best = scenario.firstCandidate(ref);

    scenario.choose(ref, Map.of(Vars.CHOICE, Choice.BEST));

    assertThat(scenario.tasks(ref, SearchElements.ANSWER)).singleElement();
    assertThat(registry.holdsOf(ref))
        .singleElement()
        .satisfies(h -> assertThat(h.offerId()).isEqualTo(best));
  }

  @Test
  void startFormKeepsPersonalDataOutOfTheEngine() {
    Map<String, Object> form = startForm();
    form.put(Vars.PERS_FIRST_NAME, "Jonas");
    form.put(Vars.PERS_LAST_NAME, "Geheim");
    form.put(Vars.PERS_BIRTH_DATE, "04.03.2012");
    String definition = caseDefinition();

    var instance = engine.getFormService().submitStartForm(definition, form);

    String ref = instance.getBusinessKey();
    assertThat(ref).matches("SEG-\\d{4}-\\d{4}");
    assertThat(cases.byReference(ref).getLastName()).isEqualTo("Geheim");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys(
            Vars.PERS_FIRST_NAME,
            Vars.PERS_LAST_NAME,
            Vars.PERS_BIRTH_DATE,
            Vars.PERS_CURRENT_LOCATION);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(v -> v.getName())
        .noneMatch(name -> name.startsWith(Vars.PERSONAL_PREFIX))
        .as("the profile the form submitted went to the case table, transient (issue #22)")
        .doesNotContain(Vars.OFFICE, Vars.LEGAL_GROUND, Vars.GENDER, Vars.SIBLINGS, Vars.URGENCY);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .list())
        .noneMatch(d -> d.toString().contains("Geheim"));
  }

  @Test
  void aProcessCannotBeStartedOnAnotherCaseOrTwiceOnTheSameCase() {
    var started = girlOf13(District.STORMARN, Urgency.IMMEDIATE);
    var runtime = engine.getRuntimeService();

    assertThatThrownBy(
            () ->
                runtime
                    .createProcessInstanceByKey(CaseProcess.KEY)
                    .businessKey("SEG-2026-9999")
                    .setVariable(Vars.CASE_ID, started.caseId())
                    .execute())
        .hasMessageContaining("gehört nicht zum Fall");
    assertThatThrownBy(
            () ->
                runtime
                    .createProcessInstanceByKey(CaseProcess.KEY)
                    .businessKey(started.caseReference())
                    .setVariable(Vars.CASE_ID, started.caseId())
                    .execute())
        .hasMessageContaining("bereits bearbeitet");
    engine.getIdentityService().setAuthentication("fk-seg-x", List.of(District.SEGEBERG.groupId()));
    try {
      assertThatThrownBy(
              () ->
                  runtime
                      .createProcessInstanceByKey(CaseProcess.KEY)
                      .businessKey(started.caseReference())
                      .setVariable(Vars.CASE_ID, started.caseId())
                      .execute())
          .as(
              "a caseworker of another office: the engine guard refuses the case id, which no start form declares")
          .hasMessageContaining("ist kein Feld")
          .hasMessageContaining("caseId");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcess.KEY)
                .processInstanceBusinessKey(started.caseReference())
                .count())
        .as("nothing started")
        .isEqualTo(1);
  }

  @Test
  void startFormWithoutAgeIsRejectedInGermanAndStoresNothing() {
    Map<String, Object> form = startForm();
    String definition = caseDefinition();
    long before =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcess.KEY)
            .count();

    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, form))
        .hasMessageContaining("Geburtsdatum oder ein geschätztes Alter");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcess.KEY)
                .count())
        .isEqualTo(before);
  }

  @Test
  void taskFormRulesAreCheckedOnTheServerToo() {
    var started = girlOf13(District.SEGEBERG, Urgency.IMMEDIATE);
    String ref = started.caseReference();
    long offer = scenario.firstCandidate(ref);

    assertThatThrownBy(() -> scenario.choose(ref, Map.of(Vars.CHOICE, Choice.PHONE)))
        .hasMessageContaining("Träger / Einrichtung und Gesprächspartner: Pflichtfeld");
    scenario.request(ref, offer);
    assertThatThrownBy(() -> scenario.answer(ref, offer, Map.of(Vars.DECISION, "DECLINE")))
        .hasMessageContaining("Grund der Absage: Pflichtfeld");
    assertThatThrownBy(() -> scenario.answer(ref, offer, Map.of(Vars.DECISION, "MAYBE")))
        .hasMessageContaining("unzulässiger Wert „MAYBE“");

    assertThat(scenario.holdStatuses(ref))
        .as("nothing was decided by the rejected answers")
        .containsExactly(HoldStatus.HELD);
  }

  /** The start form as Tasklist submits it, without name, birth date or estimated age. */
  private static Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>();
    form.put(Vars.OFFICE, "SEGEBERG");
    form.put(Vars.LEGAL_GROUND, LegalGround.NR2_DRINGENDE_GEFAHR.name());
    form.put(Vars.GENDER, "MALE");
    form.put(Vars.SIBLINGS, 1L);
    form.put(Vars.URGENCY, "IMMEDIATE");
    form.put(Vars.PERS_CURRENT_LOCATION, "Bahnhof Bad Segeberg");
    return form;
  }

  private String caseDefinition() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(CaseProcess.KEY)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private long placeWithFirstCandidate(String ref) {
    long offer = scenario.firstCandidate(ref);
    scenario.request(ref, offer);
    scenario.accept(ref, offer);
    assertThat(cases.byReference(ref).getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    return offer;
  }

  private District districtOf(long offerId) {
    return directory.get(directory.offerView(offerId).providerId()).district();
  }
}
