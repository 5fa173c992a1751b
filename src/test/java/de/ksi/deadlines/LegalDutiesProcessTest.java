// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Elements.*;
import static de.ksi.deadlines.DutiesProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.ksi.deadlines.DutiesProcess.Beans;
import de.ksi.deadlines.DutiesProcess.Values;
import de.ksi.intake.CaseFacts;
import de.ksi.intake.LegalGround;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.FixedCaseFacts;
import de.ksi.testing.FlowCoverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The real BPMN and forms on an in-memory engine, every path; time moves only by ClockUtil. */
class LegalDutiesProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE =
      ProcessEngineExtension.builder().configurationResource("duties.camunda.cfg.xml").build();

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String REFERENCE = "SEG-2027-0042";

  /** Thursday before Easter 2027: Good Friday (26 March) and Easter Monday (29 March) follow. */
  private static final Instant START = at("2027-03-25T10:00:00+01:00");

  private String deploymentId;

  /** The duty_deadline table of these tests, which run without our schema. */
  private static final class InMemoryDeadlines implements DutyDeadlineStore {

    private final Map<String, Map<String, Object>> byInstance = new HashMap<>();

    @Override
    public void put(String dutiesInstanceId, Map<String, Object> deadlines) {
      byInstance.put(dutiesInstanceId, new HashMap<>(deadlines));
    }

    @Override
    public Map<String, Object> all(String dutiesInstanceId) {
      return new HashMap<>(byInstance.getOrDefault(dutiesInstanceId, Map.of()));
    }
  }

  /** The case the duties run for: the case table's facts, which the model and delegate read. */
  private final FixedCaseFacts facts = new FixedCaseFacts();

  private final List<String> extraDeployments = new ArrayList<>();

  @BeforeEach
  void deployDutiesWithTheirForms() {
    ClockUtil.setCurrentTime(Date.from(START));
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    LegalDeadlines deadlines = new LegalDeadlines(Clock.fixed(START, BERLIN));
    Mocks.register(CaseFacts.BEAN, facts);
    DutyDeadlines recorded = new DutyDeadlines(new InMemoryDeadlines());
    Mocks.register(DutyFacts.BEAN, recorded);
    Mocks.register(
        Beans.CALCULATE_DEADLINES, new DutyDeadlinesDelegate(deadlines, facts, recorded));
    Mocks.register(Beans.RECORD_DISTRIBUTION_EXCLUSION, new DistributionExclusionDelegate());
    Mocks.register(Beans.OBJECTION_DECISION_CHECK, new ObjectionDecisionCheck());
    Mocks.register(Beans.DISTRIBUTION_ASSESSMENT_CHECK, new DistributionAssessmentCheck());

    deploymentId =
        withForms(
                ENGINE
                    .getRepositoryService()
                    .createDeployment()
                    .addClasspathResource(DutiesProcess.RESOURCE)
                    .addClasspathResource("de/ksi/deadlines/duties-caller.bpmn"))
            .deploy()
            .getId();
  }

  /**
   * The duties' forms go with every deployment of the process (their binding is {@code
   * deployment}).
   */
  private static DeploymentBuilder withForms(DeploymentBuilder deployment) {
    try {
      for (Resource form :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:forms/pflichten-*.form")) {
        deployment.addClasspathResource("forms/" + form.getFilename());
      }
      return deployment;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void everySequenceFlowWasTaken() {
    FlowCoverage.assertComplete(DutiesProcess.RESOURCE);
  }

  @AfterEach
  void resetClockAndMocks() {
    ENGINE.getRepositoryService().deleteDeployment(deploymentId, true);
    extraDeployments.forEach(id -> ENGINE.getRepositoryService().deleteDeployment(id, true));
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void childAndParentsAreInformedAndParentsAgree() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);

    assertThat(duties).isWaitingAtExactly(INFORM_CHILD, INFORM_PARENTS).hasBusinessKey(REFERENCE);
    assertThat(openTask(INFORM_CHILD, duties))
        .hasCandidateGroup(District.SEGEBERG.groupId())
        .hasDueDate(date("2027-03-25T14:00:00+01:00"));
    assertThat(openTask(INFORM_PARENTS, duties)).hasDueDate(date("2027-03-26T10:00:00+01:00"));

    complete(
        openTask(INFORM_CHILD, duties),
        withVariables(CHILD_INFORMED, true, TRUSTED_PERSON_OFFERED, true));
    complete(openTask(INFORM_PARENTS, duties), parentsInformed(false));

    assertThat(duties).isEnded().hasPassed(END_CHILD_INFORMED, END_PARENTS_AGREE);
    assertThat(duties).hasNotPassed(GATEWAY_UMA_DUTIES, COURT_DECISION_OR_END_MEASURE);
  }

  @Test
  void parentsObjectAndTheChildIsReturnedToThem() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    moveClock(Duration.ofHours(3));

    complete(openTask(INFORM_PARENTS, duties), parentsInformed(true));

    Date objectionDue = Date.from(START.plus(Duration.ofHours(3 + 24)));
    assertThat(openTask(DECIDE_ON_OBJECTION, duties)).hasDueDate(objectionDue);
    assertThat(job(OBJECTION_OVERDUE, duties).getDuedate()).isEqualTo(objectionDue);

    complete(
        openTask(DECIDE_ON_OBJECTION, duties),
        withVariables(PARENTS_DECISION, Values.DECISION_RETURN));

    assertThat(duties).hasPassed(END_CHILD_RETURNED).isWaitingAtExactly(INFORM_CHILD);
    assertThat(jobQuery().activityId(OBJECTION_OVERDUE).count()).isZero();
  }

  @Test
  void parentsObjectAndTheFamilyCourtDecides() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    complete(openTask(INFORM_PARENTS, duties), parentsInformed(true));
    moveClock(Duration.ofHours(5));

    complete(
        openTask(DECIDE_ON_OBJECTION, duties),
        withVariables(
            PARENTS_DECISION,
            Values.DECISION_COURT,
            COURT_APPLICATION_FILED,
            true,
            COURT_FILE_NUMBER,
            "5 F 17/27"));

    Date reminder = Date.from(START.plus(Duration.ofHours(5)).plus(Duration.ofDays(14)));
    assertThat(openTask(RECORD_COURT_DECISION, duties))
        .hasCandidateGroup(District.SEGEBERG.groupId())
        .hasDueDate(reminder);
    complete(
        openTask(RECORD_COURT_DECISION, duties),
        withVariables(COURT_DECISION, "CUSTODY_CONTINUES"));

    assertThat(duties).hasPassed(END_COURT_DECIDED).hasNotPassed(END_CHILD_RETURNED);
  }

  @Test
  void choosingTheFamilyCourtRequiresTheFiledApplication() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    complete(openTask(INFORM_PARENTS, duties), parentsInformed(true));
    Task decision = openTask(DECIDE_ON_OBJECTION, duties);

    assertThatThrownBy(
            () -> complete(decision, withVariables(PARENTS_DECISION, Values.DECISION_COURT)))
        .hasMessageContaining("Entscheidung des Familiengerichts beantragt");

    assertThat(duties).isWaitingAt(DECIDE_ON_OBJECTION);
  }

  @Test
  void anUnansweredObjectionIsShownToCoordinators() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    complete(openTask(INFORM_PARENTS, duties), parentsInformed(true));
    moveClock(Duration.ofHours(25));

    execute(job(OBJECTION_OVERDUE, duties));

    assertThat(duties).isWaitingAt(DECIDE_ON_OBJECTION, OBJECTION_OVERDUE_TASK);
    assertThat(openTask(OBJECTION_OVERDUE_TASK, duties)).hasCandidateGroup(Groups.COORDINATORS);
    handleOverdue(OBJECTION_OVERDUE_TASK, duties);
    assertThat(duties).isWaitingAtExactly(INFORM_CHILD, DECIDE_ON_OBJECTION);
  }

  @Test
  void aCourtDecisionNotRecordedInTimeIsShownToCoordinators() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    complete(openTask(INFORM_PARENTS, duties), parentsInformed(true));
    complete(
        openTask(DECIDE_ON_OBJECTION, duties),
        withVariables(
            PARENTS_DECISION,
            Values.DECISION_COURT,
            COURT_APPLICATION_FILED,
            true,
            COURT_FILE_NUMBER,
            "5 F 18/27"));
    moveClock(Duration.ofDays(14).plusMinutes(1));

    execute(job(COURT_DECISION_OVERDUE, duties));

    assertThat(duties).isWaitingAt(RECORD_COURT_DECISION, COURT_DECISION_OVERDUE_TASK);
    assertThat(openTask(COURT_DECISION_OVERDUE_TASK, duties))
        .hasCandidateGroup(Groups.COORDINATORS);
    handleOverdue(COURT_DECISION_OVERDUE_TASK, duties);
    complete(
        openTask(RECORD_COURT_DECISION, duties),
        withVariables(COURT_DECISION, "CUSTODY_CONTINUES"));
    assertThat(duties).hasPassed(END_COURT_DECIDED);
  }

  @Test
  void informingTheChildTooLateIsShownToCoordinators() {
    ProcessInstance duties = start(Values.GROUND_SELF_REFERRAL, false);
    assertThat(job(INFORM_CHILD_OVERDUE, duties).getDuedate())
        .isEqualTo(date("2027-03-25T14:00:00+01:00"));
    moveClock(Duration.ofHours(4).plusMinutes(1));

    execute(job(INFORM_CHILD_OVERDUE, duties));

    assertThat(duties).isWaitingAt(INFORM_CHILD, INFORM_CHILD_OVERDUE_TASK);
    assertThat(openTask(INFORM_CHILD_OVERDUE_TASK, duties)).hasCandidateGroup(Groups.COORDINATORS);
    assertThat(openTask(INFORM_CHILD, duties)).hasDueDate(date("2027-03-25T14:00:00+01:00"));

    complete(
        openTask(INFORM_CHILD_OVERDUE_TASK, duties),
        withVariables(OVERDUE_FOLLOW_UP, "OFFICE_CONTACTED"));
    assertThat(duties).isWaitingAt(INFORM_CHILD).hasPassed(END_INFORM_CHILD_OVERDUE_HANDLED);
  }

  @Test
  void informingTheParentsTooLateIsShownToCoordinators() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);
    moveClock(Duration.ofHours(24).plusSeconds(1));

    execute(job(INFORM_PARENTS_OVERDUE, duties));

    assertThat(openTask(INFORM_PARENTS_OVERDUE_TASK, duties))
        .hasCandidateGroup(Groups.COORDINATORS);
    assertThat(duties).isWaitingAt(INFORM_PARENTS);
    handleOverdue(INFORM_PARENTS_OVERDUE_TASK, duties);
    assertThat(duties).isWaitingAt(INFORM_PARENTS);
  }

  @Test
  void umaReportToTheLandesstelleIsDueSevenWorkingDaysAfterTheStartAcrossEaster() {
    ProcessInstance duties = start(Values.GROUND_UMA, false);

    assertThat(duties)
        .isWaitingAtExactly(
            INFORM_CHILD, INFORM_PARENTS, ASSESS_AGE, REQUEST_GUARDIAN, ONE_MONTH_PASSED);
    assertThat(openTask(ASSESS_AGE, duties)).hasDueDate(date("2027-04-01T23:59:59+02:00"));
    complete(
        openTask(ASSESS_AGE, duties),
        withVariables(AGE_ASSESSMENT_METHOD, "DOCUMENTS", MINORITY_CONFIRMED, true));
    assertThat(openTask(ASSESS_DISTRIBUTION, duties)).hasDueDate(date("2027-04-05T23:59:59+02:00"));
    complete(openTask(ASSESS_DISTRIBUTION, duties), withVariables(DISTRIBUTION_POSSIBLE, true));

    Date reportDue = date("2027-04-07T23:59:59+02:00");
    assertThat(openTask(REPORT_TO_LANDESSTELLE, duties)).hasDueDate(reportDue);
    assertThat(job(REPORT_OVERDUE, duties).getDuedate()).isEqualTo(reportDue);

    ClockUtil.setCurrentTime(date("2027-04-08T00:00:30+02:00"));
    execute(job(REPORT_OVERDUE, duties));

    assertThat(duties).isWaitingAt(REPORT_TO_LANDESSTELLE, REPORT_OVERDUE_TASK);
    assertThat(openTask(REPORT_OVERDUE_TASK, duties)).hasCandidateGroup(Groups.COORDINATORS);
    complete(
        openTask(REPORT_TO_LANDESSTELLE, duties), withVariables(REPORTED_TO_LANDESSTELLE, true));
    assertThat(duties).hasPassed(END_REPORTED_TO_LANDESSTELLE).isWaitingAt(REPORT_OVERDUE_TASK);
    handleOverdue(REPORT_OVERDUE_TASK, duties);
  }

  @Test
  void umaGuardianAndAssessmentsOverdueAreShownToCoordinators() {
    ProcessInstance duties = start(Values.GROUND_UMA, false);
    assertThat(openTask(REQUEST_GUARDIAN, duties)).hasDueDate(date("2027-03-28T10:00:00+02:00"));
    ClockUtil.setCurrentTime(date("2027-04-02T08:00:00+02:00"));

    execute(job(GUARDIAN_OVERDUE, duties));
    execute(job(AGE_ASSESSMENT_OVERDUE, duties));

    assertThat(duties).isWaitingAt(GUARDIAN_OVERDUE_TASK, AGE_ASSESSMENT_OVERDUE_TASK);
    assertThat(openTask(GUARDIAN_OVERDUE_TASK, duties)).hasCandidateGroup(Groups.COORDINATORS);

    complete(openTask(REQUEST_GUARDIAN, duties), withVariables(GUARDIAN_REQUESTED, true));
    complete(openTask(ASSESS_AGE, duties), withVariables(AGE_ASSESSMENT_METHOD, "INSPECTION"));
    ClockUtil.setCurrentTime(date("2027-04-06T08:00:00+02:00"));
    execute(job(DISTRIBUTION_ASSESSMENT_OVERDUE, duties));

    assertThat(duties)
        .hasPassed(END_GUARDIAN_REQUESTED)
        .isWaitingAt(DISTRIBUTION_ASSESSMENT_OVERDUE_TASK);
    handleOverdue(GUARDIAN_OVERDUE_TASK, duties);
    handleOverdue(AGE_ASSESSMENT_OVERDUE_TASK, duties);
    handleOverdue(DISTRIBUTION_ASSESSMENT_OVERDUE_TASK, duties);
  }

  @Test
  void distributionCannotBePossibleWhenItEndangersTheChild() {
    ProcessInstance duties = start(Values.GROUND_UMA, false);
    complete(openTask(ASSESS_AGE, duties), withVariables(AGE_ASSESSMENT_METHOD, "MEDICAL"));
    Task assessment = openTask(ASSESS_DISTRIBUTION, duties);

    assertThatThrownBy(
            () ->
                complete(
                    assessment,
                    withVariables(WELFARE_ENDANGERED, true, DISTRIBUTION_POSSIBLE, true)))
        .hasMessageContaining("Verteilung ist ausgeschlossen");

    complete(assessment, withVariables(WELFARE_ENDANGERED, true, DISTRIBUTION_POSSIBLE, false));
    assertThat(duties).isWaitingAt(REPORT_TO_LANDESSTELLE);
  }

  @Test
  void distributionIsExcludedOneMonthAfterTheStart() {
    ProcessInstance duties = start(Values.GROUND_UMA, false);
    Date oneMonth = date("2027-04-25T23:59:59+02:00");
    assertThat(job(ONE_MONTH_PASSED, duties).getDuedate()).isEqualTo(oneMonth);
    ClockUtil.setCurrentTime(date("2027-04-26T00:00:10+02:00"));

    execute(job(ONE_MONTH_PASSED, duties));

    assertThat(duties)
        .hasPassed(RECORD_DISTRIBUTION_EXCLUSION)
        .isWaitingAt(NOTE_DISTRIBUTION_EXCLUDED);
    assertThat(duties).variables().containsEntry(DISTRIBUTION_EXCLUDED, true);
    assertThat(openTask(NOTE_DISTRIBUTION_EXCLUDED, duties))
        .hasCandidateGroup(District.SEGEBERG.groupId());
    complete(
        openTask(NOTE_DISTRIBUTION_EXCLUDED, duties),
        withVariables(DISTRIBUTION_EXCLUSION_NOTED, true));
    assertThat(duties).hasPassed(END_DISTRIBUTION_EXCLUDED);
  }

  @Test
  void freedomRestrictionIsEndedByTheTimerAtTheEndOfTheNextDay() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, true);
    Date limit = date("2027-03-26T23:59:59+01:00");
    assertThat(openTask(COURT_DECISION_OR_END_MEASURE, duties)).hasDueDate(limit);
    assertThat(job(FREEDOM_RESTRICTION_LIMIT, duties).getDuedate()).isEqualTo(limit);
    ClockUtil.setCurrentTime(date("2027-03-27T00:00:01+01:00"));

    execute(job(FREEDOM_RESTRICTION_LIMIT, duties));

    assertThat(duties)
        .isWaitingAt(STOP_FREEDOM_RESTRICTION, FREEDOM_RESTRICTION_OVERDUE_TASK)
        .isNotWaitingAt(COURT_DECISION_OR_END_MEASURE);
    assertThat(openTask(FREEDOM_RESTRICTION_OVERDUE_TASK, duties))
        .hasCandidateGroup(Groups.COORDINATORS);
    complete(
        openTask(STOP_FREEDOM_RESTRICTION, duties), withVariables(FREEDOM_RESTRICTION_ENDED, true));
    assertThat(duties)
        .hasPassed(END_MEASURE_ENDED_AT_LIMIT)
        .hasNotPassed(END_FREEDOM_RESTRICTION_RESOLVED);
    handleOverdue(FREEDOM_RESTRICTION_OVERDUE_TASK, duties);
  }

  @Test
  void courtDecisionInTimeStopsTheFreedomRestrictionTimer() {
    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, true);
    moveClock(Duration.ofHours(20));

    complete(
        openTask(COURT_DECISION_OR_END_MEASURE, duties),
        withVariables(FREEDOM_RESTRICTION_OUTCOME, Values.FREEDOM_RESTRICTION_COURT_DECIDED));

    assertThat(duties)
        .hasPassed(END_FREEDOM_RESTRICTION_RESOLVED)
        .hasNotPassed(STOP_FREEDOM_RESTRICTION);
    assertThat(jobQuery().activityId(FREEDOM_RESTRICTION_LIMIT).count()).isZero();
  }

  @Test
  void theCaseProcessMayEndTheDutiesEarly() {
    ProcessInstance caseProcess =
        runtimeService()
            .startProcessInstanceByKey("duties-caller", REFERENCE, inputs(Values.GROUND_UMA, true));
    ProcessInstance duties =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(DutiesProcess.KEY)
            .singleResult();
    assertThat(duties)
        .hasBusinessKey(REFERENCE)
        .isWaitingAt(INFORM_CHILD, COURT_DECISION_OR_END_MEASURE);
    assertThat(task(INFORM_CHILD, duties)).hasCandidateGroup(District.SEGEBERG.groupId());

    complete(task("Task_CloseCase", caseProcess));

    assertThat(caseProcess).isEnded();
    assertThat(duties).isEnded();
    assertThat(jobQuery().count()).isZero();
  }

  @Test
  void theDeadlineSettingsCostNoProcessVariables() {
    ProcessInstance duties = start(Values.GROUND_UMA, false);

    assertThat(duties).isWaitingAt(INFORM_CHILD);
    for (String setting :
        new String[] {
          INFORM_CHILD_WITHIN,
          INFORM_PARENTS_WITHIN,
          GUARDIAN_WITHIN,
          AGE_ASSESSMENT_WORKING_DAYS,
          DISTRIBUTION_ASSESSMENT_WORKING_DAYS,
          REPORT_WORKING_DAYS,
          DISTRIBUTION_EXCLUDED_AFTER
        }) {
      assertThat(
              ENGINE
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(duties.getId())
                  .variableName(setting)
                  .count())
          .as(setting)
          .isZero();
    }
  }

  @Test
  void aSettingTheProcessOwnerChangedCountsForTheNextCase() {
    redeployWithSetting(INFORM_CHILD_WITHIN, "PT2H");

    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);

    assertThat(openTask(INFORM_CHILD, duties)).hasDueDate(date("2027-03-25T12:00:00+01:00"));
    assertThat(openTask(INFORM_PARENTS, duties)).hasDueDate(date("2027-03-26T10:00:00+01:00"));
  }

  @Test
  void aMistypedSettingStopsTheStartNamingTheValue() {
    redeployWithSetting(INFORM_PARENTS_WITHIN, "24H");

    assertThatThrownBy(() -> start(Values.GROUND_URGENT_DANGER, false)).hasMessageContaining("24H");
  }

  @Test
  void aSettingLeftOutStopsTheStartNamingIt() {
    redeployWithSetting(REPORT_WORKING_DAYS, null);

    assertThatThrownBy(() -> start(Values.GROUND_UMA, false))
        .hasMessageContaining(REPORT_WORKING_DAYS)
        .hasMessageContaining(CALCULATE_DEADLINES);
  }

  @Test
  void aProcessVersionThatStillHasTheSettingAsInputParameterIsReadAsBefore() {
    BpmnModelInstance model = dutiesModel();
    CamundaProperty property = settingOf(model, INFORM_CHILD_WITHIN);
    property.getParentElement().removeChildElement(property);
    ServiceTask task = model.getModelElementById(CALCULATE_DEADLINES);
    CamundaInputOutput inputOutput = model.newInstance(CamundaInputOutput.class);
    CamundaInputParameter input = model.newInstance(CamundaInputParameter.class);
    input.setCamundaName(INFORM_CHILD_WITHIN);
    input.setTextContent("PT1H");
    inputOutput.addChildElement(input);
    task.getExtensionElements().addChildElement(inputOutput);
    deploy(model);

    ProcessInstance duties = start(Values.GROUND_URGENT_DANGER, false);

    assertThat(openTask(INFORM_CHILD, duties)).hasDueDate(date("2027-03-25T11:00:00+01:00"));
  }

  /**
   * Deploys a new version of the duties whose setting has another value ({@code null}: is left
   * out).
   */
  private void redeployWithSetting(String name, String value) {
    BpmnModelInstance model = dutiesModel();
    CamundaProperty property = settingOf(model, name);
    if (value == null) {
      property.getParentElement().removeChildElement(property);
    } else {
      property.setCamundaValue(value);
    }
    deploy(model);
  }

  private static BpmnModelInstance dutiesModel() {
    try (InputStream bpmn =
        LegalDutiesProcessTest.class.getClassLoader().getResourceAsStream(DutiesProcess.RESOURCE)) {
      return Bpmn.readModelFromStream(bpmn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CamundaProperty settingOf(BpmnModelInstance model, String name) {
    ServiceTask task = model.getModelElementById(CALCULATE_DEADLINES);
    return task
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .singleResult()
        .getCamundaProperties()
        .stream()
        .filter(p -> name.equals(p.getCamundaName()))
        .findFirst()
        .orElseThrow();
  }

  private void deploy(BpmnModelInstance model) {
    String id =
        withForms(
                ENGINE
                    .getRepositoryService()
                    .createDeployment()
                    .addModelInstance(DutiesProcess.RESOURCE, model))
            .deploy()
            .getId();
    extraDeployments.add(id);
  }

  private ProcessInstance start(String legalGround, boolean freedomRestriction) {
    return runtimeService()
        .startProcessInstanceByKey(
            DutiesProcess.KEY, REFERENCE, inputs(legalGround, freedomRestriction));
  }

  /**
   * The case in the table: the duties take no variables from their caller, only its business key.
   */
  private Map<String, Object> inputs(String legalGround, boolean freedomRestriction) {
    facts.set(
        REFERENCE, District.SEGEBERG, LegalGround.valueOf(legalGround), freedomRestriction, START);
    return Map.of();
  }

  private static Map<String, Object> parentsInformed(boolean object) {
    return withVariables(
        PARENTS_INFORMED, true, RISK_ASSESSED_WITH_PARENTS, true, PARENTS_OBJECT, object);
  }

  /** The open task at the element, after checking that Tasklist can load its Camunda Form. */
  private static Task openTask(String activityId, ProcessInstance duties) {
    Task task = task(activityId, duties);
    assertThat(task).as("task at " + activityId).isNotNull();
    try (InputStream form = ENGINE.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(form).as("form of " + activityId).isNotNull();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return task;
  }

  /** A coordinator records what was done about a missed deadline: the reminder task is gone. */
  private void handleOverdue(String overdueTask, ProcessInstance duties) {
    complete(openTask(overdueTask, duties), withVariables(OVERDUE_FOLLOW_UP, "OFFICE_CONTACTED"));
    assertThat(duties).isNotWaitingAt(overdueTask);
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Date date(String offsetDateTime) {
    return Date.from(at(offsetDateTime));
  }
}
