// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static de.ksi.caseprocess.CaseProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.ksi.caseprocess.CaseProcess.SearchOutcome;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.intake.CaseFacts;
import de.ksi.intake.EscalationLevel;
import de.ksi.intake.LegalGround;
import de.ksi.network.District;
import de.ksi.testing.FixedCaseFacts;
import de.ksi.testing.FlowCoverage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case model ({@code bpmn/inobhutnahme.bpmn}) with its two real decision tables on an in-memory
 * engine, every path, asserted by the elements the token passed. The place search and the legal
 * duties it calls are stand-ins that wait until the test says how they ended (they have process
 * tests of their own); the delegates are doubles that record what they were asked to do. Time moves
 * only by the engine's clock.
 */
@Deployment(
    resources = {
      "bpmn/inobhutnahme.bpmn",
      "bpmn/eligible-categories.dmn",
      "bpmn/escalation-deadlines.dmn",
      "forms/aufnahme.form",
      "forms/stufe2.form",
      "forms/beendigung.form",
      "forms/uebergabe.form",
      "forms/aufnahme-vorbereiten.form"
    })
class CaseModelProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE =
      ProcessEngineExtension.builder()
          .configurationResource("process-test.camunda.cfg.xml")
          .build();

  private static final String RESOURCE = "bpmn/inobhutnahme.bpmn";
  private static final String SEARCH_STAND_IN = "Task_SearchStandIn";
  private static final String DUTIES_STAND_IN = "Task_DutiesStandIn";
  private static final String OFFICE_GROUP = District.SEGEBERG.groupId();
  private static final String HEAD_GROUP = District.SEGEBERG.headGroupId();

  /** The inputs each search call passed, in order. */
  private final List<Map<String, Object>> searchInputs = new ArrayList<>();

  private final List<String> calls = new ArrayList<>();

  /**
   * The group of the provider the next placement is with; none for a place outside the registry.
   */
  private String acceptingProvider;

  private String standIns;

  @BeforeEach
  void doublesAndStandIns() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(new Date());
    standIns =
        repositoryService()
            .createDeployment()
            .addModelInstance("search.bpmn", standIn(CaseProcess.SEARCH_KEY, SEARCH_STAND_IN))
            .addModelInstance("duties.bpmn", standIn(DutiesProcess.KEY, DUTIES_STAND_IN))
            .deploy()
            .getId();
    Mocks.register("intake", (ExecutionListener) execution -> {});
    Mocks.register(
        "searchInputs",
        new DelegateVariableMapping() {
          @Override
          public void mapInputVariables(DelegateExecution superExecution, VariableMap inputs) {
            searchInputs.add(new HashMap<>(inputs));
            new SearchInputs().mapInputVariables(superExecution, inputs);
          }

          @Override
          public void mapOutputVariables(DelegateExecution superExecution, VariableScope search) {}
        });
    Mocks.register(
        CaseFacts.BEAN,
        new FixedCaseFacts()
            .set(
                "SEG-2027-0042",
                District.SEGEBERG,
                LegalGround.NR2_DRINGENDE_GEFAHR,
                false,
                ClockUtil.getCurrentTime().toInstant()));
    Mocks.register(
        "escalate",
        (JavaDelegate)
            execution -> calls.add("escalate " + execution.getVariable(Vars.TARGET_LEVEL)));
    Mocks.register(
        "recordEmergencyMeasure",
        (JavaDelegate)
            execution -> {
              calls.add("emergency measure");
              execution.setVariable(Vars.PLACEMENT_ID, 9L);
            });
    Mocks.register("recordPlacement", (JavaDelegate) execution -> calls.add("placement"));
    Mocks.register("handOver", (JavaDelegate) execution -> calls.add("hand over"));
    Mocks.register(
        "expectArrival",
        (JavaDelegate) execution -> execution.setVariable(Vars.ARRIVAL_GROUP, acceptingProvider));
    Mocks.register("arrivalTaskCreated", (TaskListener) task -> {});
    Mocks.register("recordArrival", (JavaDelegate) execution -> calls.add("arrival"));
    Mocks.register("remindArrival", (JavaDelegate) execution -> calls.add("arrival reminder"));
    Mocks.register("closeCase", (JavaDelegate) execution -> calls.add("close"));
  }

  @AfterEach
  void reset() {
    repositoryService().deleteDeployment(standIns, true);
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void everySequenceFlowWasTaken() {
    FlowCoverage.assertComplete(RESOURCE);
  }

  @Test
  void aChildPlacedInTheOwnDistrictGoesHomeAndTheCaseCloses() {
    ProcessInstance custody = start("IMMEDIATE", 15);
    assertThat(custody).isWaitingAtExactly(LEGAL_DUTIES, DISTRICT_SEARCH);
    assertThat(custody)
        .variables()
        .containsEntry(
            Vars.ELIGIBLE_CATEGORIES, List.of("INOBHUTNAHME_GRUPPE", "JUGENDSCHUTZ_KRISENWOHNUNG"))
        .containsEntry(Vars.DISTRICT_DEADLINE, "PT30M")
        .containsEntry(Vars.NETWORK_DEADLINE, "PT60M");

    searchEnds(custody, SearchOutcome.PLACED);
    assertThat(custody).isWaitingAt(DECIDE_OUTCOME).hasPassed(RECORD_PLACEMENT);
    assertThat(task(DECIDE_OUTCOME, custody)).hasCandidateGroup(OFFICE_GROUP);
    complete(task(DECIDE_OUTCOME, custody), withVariables(Vars.OUTCOME, "RETURN_HOME"));

    assertThat(custody)
        .isEnded()
        .hasPassed(CLOSE_CASE, END_CLOSED, END_NO_PROVIDER_TO_PREPARE)
        .hasNotPassed(ESCALATE_NETWORK, FOLLOW_UP_SEARCH, HANDOVER, PREPARE_ARRIVAL);
    assertThat(calls).containsExactly("placement", "close");
    assertThat(processInstanceQuery().processDefinitionKey(DutiesProcess.KEY).count())
        .as("the closed case ends its duties")
        .isZero();
  }

  @Test
  void theAcceptingProviderPreparesTheArrivalIsRemindedAfterFourHoursAndConfirmsIt() {
    acceptingProvider = "traeger-17";
    ProcessInstance custody = placed();
    assertThat(custody).isWaitingAt(DECIDE_OUTCOME, PREPARE_ARRIVAL);
    assertThat(task(PREPARE_ARRIVAL, custody)).hasCandidateGroup("traeger-17");
    moveClock(Duration.ofHours(4).plusMinutes(1));

    execute(job(ARRIVAL_OVERDUE, custody));
    assertThat(custody).hasPassed(REMIND_ARRIVAL).isWaitingAt(PREPARE_ARRIVAL);
    complete(
        task(PREPARE_ARRIVAL, custody), withVariables(Vars.ARRIVAL, CaseProcess.Arrival.ARRIVED));

    assertThat(custody)
        .hasPassed(RECORD_ARRIVAL, END_CHILD_ARRIVED)
        .isWaitingAt(DECIDE_OUTCOME)
        .isNotWaitingAt(PREPARE_ARRIVAL);
    assertThat(calls).containsExactly("placement", "arrival reminder", "arrival");
  }

  @Test
  void theDutiesEndOnTheirOwnWhileTheCaseGoesOn() {
    ProcessInstance custody = start("PLANNED", 10);

    complete(standInTask(DutiesProcess.KEY, custody));

    assertThat(custody).hasPassed(END_DUTIES_DONE).isWaitingAtExactly(DISTRICT_SEARCH);
  }

  @Test
  void nothingFreeInTheDistrictEscalatesToTheNetworkWhichPlacesTheChild() {
    ProcessInstance custody = start("TODAY", 15);

    searchEnds(custody, SearchOutcome.EXHAUSTED);
    assertThat(custody).hasPassed(ESCALATE_NETWORK).isWaitingAt(NETWORK_SEARCH);
    assertThat(searchInputs.get(searchInputs.size() - 1))
        .as("the network search's order (transient inputs, recorded by the search)")
        .containsEntry(Vars.SEARCH_SCOPE, "NETWORK")
        .containsEntry(Vars.SEARCH_GROUP, "koordinierungsstelle");
    searchEnds(custody, SearchOutcome.PLACED);

    assertThat(custody).isWaitingAt(DECIDE_OUTCOME).hasNotPassed(ESCALATE_LEVEL2);
    assertThat(calls).containsExactly("escalate " + EscalationLevel.NETWORK.value(), "placement");
  }

  @Test
  void theDistrictDeadlineEscalatesWhileTheSearchStillRunsAndTheNetworkDeadlineGoesToLevel2() {
    ProcessInstance custody = start("IMMEDIATE", 15);
    moveClock(Duration.ofMinutes(31));

    execute(job(DISTRICT_DEADLINE, custody));
    assertThat(custody)
        .hasPassed(ESCALATE_NETWORK)
        .isWaitingAt(NETWORK_SEARCH)
        .hasNotPassed(RECORD_PLACEMENT);
    moveClock(Duration.ofMinutes(61));
    execute(job(NETWORK_DEADLINE, custody));

    assertThat(custody).hasPassed(ESCALATE_LEVEL2).isWaitingAt(LEVEL2_DECISION);
    assertThat(task(LEVEL2_DECISION, custody))
        .hasCandidateGroup("koordinierungsstelle")
        .hasCandidateGroup(HEAD_GROUP);
    complete(
        task(LEVEL2_DECISION, custody), withVariables(Vars.EMERGENCY_MEASURE, "EMERGENCY_OFFER"));

    assertThat(custody).hasPassed(RECORD_PLACEMENT).isWaitingAt(DECIDE_OUTCOME);
    assertThat(calls)
        .containsExactly(
            "escalate " + EscalationLevel.NETWORK.value(),
            "escalate " + EscalationLevel.LEVEL2.value(),
            "emergency measure",
            "placement");
  }

  @Test
  void aNetworkSearchWithoutAnyPlaceLeftGoesToLevel2AtOnce() {
    ProcessInstance custody = start("PLANNED", 15);
    searchEnds(custody, SearchOutcome.EXHAUSTED);

    searchEnds(custody, SearchOutcome.EXHAUSTED);

    assertThat(custody).hasPassed(ESCALATE_LEVEL2).isWaitingAt(LEVEL2_DECISION);
  }

  @Test
  void aFollowUpPlaceFoundLeadsToTheHandoverAndTheEmergencyPlaceIsFreed() {
    ProcessInstance custody = placed();

    complete(
        task(DECIDE_OUTCOME, custody),
        withVariables(
            Vars.OUTCOME, "FOLLOW_UP", Vars.FOLLOW_UP_CATEGORY, List.of("INOBHUTNAHME_GRUPPE")));
    assertThat(custody).isWaitingAt(FOLLOW_UP_SEARCH);
    searchEnds(custody, SearchOutcome.PLACED);
    assertThat(custody).isWaitingAt(HANDOVER);
    complete(task(HANDOVER, custody));

    assertThat(custody).isEnded().hasPassed(FOLLOW_UP_SEARCH, HANDOVER, CLOSE_CASE);
    assertThat(calls).containsSubsequence("placement", "hand over", "close");
  }

  @Test
  void noFollowUpPlaceFoundAsksTheCaseworkerAgain() {
    ProcessInstance custody = placed();
    complete(
        task(DECIDE_OUTCOME, custody),
        withVariables(
            Vars.OUTCOME, "FOLLOW_UP", Vars.FOLLOW_UP_CATEGORY, List.of("INOBHUTNAHME_GRUPPE")));

    searchEnds(custody, SearchOutcome.EXHAUSTED);

    assertThat(custody).isWaitingAt(DECIDE_OUTCOME).hasNotPassed(HANDOVER, CLOSE_CASE);
  }

  @Test
  void aHandoverToAnotherOfficeGoesStraightToTheHandover() {
    ProcessInstance custody = placed();

    complete(
        task(DECIDE_OUTCOME, custody),
        withVariables(Vars.OUTCOME, "HANDOVER_OFFICE", Vars.HANDOVER_OFFICE, "STORMARN"));

    assertThat(custody).isWaitingAt(HANDOVER).hasNotPassed(FOLLOW_UP_SEARCH);
    complete(task(HANDOVER, custody));
    assertThat(custody).isEnded().hasPassed(CLOSE_CASE);
  }

  private ProcessInstance placed() {
    ProcessInstance custody = start("TODAY", 12);
    searchEnds(custody, SearchOutcome.PLACED);
    assertThat(custody).isWaitingAt(DECIDE_OUTCOME);
    return custody;
  }

  private static ProcessInstance start(String urgency, int age) {
    Map<String, Object> profile = new HashMap<>();
    profile.put(Vars.URGENCY, urgency);
    profile.put(Vars.AGE, age);
    profile.put(Vars.GENDER, "MALE");
    profile.put(Vars.LEGAL_GROUND, "NR2_DRINGENDE_GEFAHR");
    profile.put(Vars.NEED_INFANT, false);
    profile.put(Vars.NEED_SECRET_LOCATION, false);
    profile.put(Vars.NEED_PREGNANCY, false);
    profile.put(Vars.CUSTODY_START, new Date());
    return runtimeService().startProcessInstanceByKey(CaseProcess.KEY, "SEG-2027-0042", profile);
  }

  /**
   * The running place search (stand-in) ends with the outcome; a placement comes with a placement
   * id.
   */
  private static void searchEnds(ProcessInstance custody, String outcome) {
    Map<String, Object> result = new HashMap<>();
    result.put(Vars.SEARCH_OUTCOME, outcome);
    result.put(Vars.PLACEMENT_ID, SearchOutcome.PLACED.equals(outcome) ? 7L : null);
    complete(standInTask(CaseProcess.SEARCH_KEY, custody), result);
  }

  private static Task standInTask(String key, ProcessInstance custody) {
    ProcessInstance called =
        processInstanceQuery()
            .superProcessInstanceId(custody.getId())
            .processDefinitionKey(key)
            .singleResult();
    return taskQuery().processInstanceId(called.getId()).singleResult();
  }

  /** A process of the key that waits in one task until the test completes it. */
  private static org.camunda.bpm.model.bpmn.BpmnModelInstance standIn(String key, String taskId) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(taskId)
        .endEvent()
        .done();
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(by)));
  }
}
