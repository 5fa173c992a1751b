// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static de.ksi.caseprocess.CaseProcess.SearchElements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.ksi.caseprocess.CaseProcess.Choice;
import de.ksi.caseprocess.CaseProcess.Messages;
import de.ksi.caseprocess.CaseProcess.SearchOutcome;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.testing.FlowCoverage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The place search model ({@code bpmn/inobhutnahme-platzsuche.bpmn}) on an in-memory engine, every
 * path, asserted by the elements the token passed; the delegates are doubles that write what the
 * real ones write (the real ones, with the registry, run in the Spring scenario tests). Time moves
 * only by the engine's clock.
 */
@Deployment(
    resources = {
      "bpmn/inobhutnahme-platzsuche.bpmn",
      "forms/platzauswahl.form",
      "forms/platzanfrage.form"
    })
class SearchModelProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE =
      ProcessEngineExtension.builder()
          .configurationResource("process-test.camunda.cfg.xml")
          .build();

  private static final String OFFICE_GROUP = "jugendamt-segeberg";
  private static final String PROVIDER_GROUP = "traeger-17";

  /** What the next searches find and how many holds the next requests place, in order. */
  private final Deque<Integer> candidatesFound = new ArrayDeque<>();

  private final Deque<Integer> holdsPlaced = new ArrayDeque<>();
  private final Deque<String> calls = new ArrayDeque<>();

  @BeforeEach
  void doubles() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(new Date());
    Mocks.register("startSearch", (ExecutionListener) execution -> calls.add("order recorded"));
    Mocks.register(SearchFacts.BEAN, new FixedSearchFacts());
    Mocks.register(
        "findCandidates",
        (JavaDelegate)
            execution ->
                execution.setVariable(
                    Vars.CANDIDATE_COUNT, candidatesFound.isEmpty() ? 0 : candidatesFound.pop()));
    Mocks.register(
        "placeHolds",
        (JavaDelegate)
            execution ->
                execution.setVariable(
                    Vars.REQUEST_COUNT, holdsPlaced.isEmpty() ? 0 : holdsPlaced.pop()));
    Mocks.register(
        "prepareRequest",
        (JavaDelegate) execution -> execution.setVariableLocal(Vars.DECISION, null));
    Mocks.register("requestTaskCreated", (TaskListener) task -> calls.add("created"));
    Mocks.register(
        "acceptRequest",
        (JavaDelegate)
            execution -> {
              calls.add("accept");
              execution.getProcessInstance().setVariable(Vars.PLACEMENT_ID, 42L);
            });
    Mocks.register("declineRequest", (JavaDelegate) execution -> calls.add("decline"));
    Mocks.register("expireRequest", (JavaDelegate) execution -> calls.add("expire"));
    Mocks.register("withdrawRequests", (JavaDelegate) execution -> calls.add("withdraw"));
    Mocks.register(
        "recordPhonePlacement",
        (JavaDelegate)
            execution -> {
              calls.add("phone");
              execution.setVariable(Vars.PLACEMENT_ID, 43L);
            });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @AfterAll
  static void everySequenceFlowWasTaken() {
    FlowCoverage.assertComplete("bpmn/inobhutnahme-platzsuche.bpmn");
  }

  @Test
  void theFirstProviderToAcceptGetsTheChildAndTheOtherRequestsAreWithdrawn() {
    candidatesFound.add(3);
    holdsPlaced.add(2);
    ProcessInstance search = start();
    assertThat(search).isWaitingAtExactly(CHOOSE);
    assertThat(chooseTask(search)).hasCandidateGroup(OFFICE_GROUP);

    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.REQUEST));
    List<Task> requests = requests(search);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0)).hasCandidateGroup(PROVIDER_GROUP);
    complete(requests.get(0), withVariables(Vars.DECISION, "ACCEPT"));

    assertThat(search)
        .isEnded()
        .hasPassed(FIND_CANDIDATES, PLACE_HOLDS, "ServiceTask_AcceptRequest", WITHDRAW, END_PLACED)
        .hasNotPassed(END_EXHAUSTED, "ServiceTask_DeclineRequest");
    assertThat(search).variables().containsEntry(Vars.SEARCH_OUTCOME, SearchOutcome.PLACED);
    assertThat(calls).containsSubsequence("accept", "withdraw");
  }

  @Test
  void whenEveryProviderDeclinesTheSearchStartsAgainAndEndsWhenNothingIsLeft() {
    candidatesFound.addAll(List.of(1, 0));
    holdsPlaced.add(1);
    ProcessInstance search = start();
    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.BEST));

    complete(
        requests(search).get(0),
        withVariables(Vars.DECISION, "DECLINE", Vars.DECLINE_REASON, "NO_FIT"));

    assertThat(search)
        .isEnded()
        .hasPassed("ServiceTask_DeclineRequest", WITHDRAW, END_EXHAUSTED)
        .hasNotPassed(END_PLACED);
    assertThat(search).variables().containsEntry(Vars.SEARCH_OUTCOME, SearchOutcome.EXHAUSTED);
    assertThat(calls).containsSubsequence("decline", "withdraw");
  }

  @Test
  void aRequestNobodyAnswersInTimeExpiresAndTheSearchGoesOn() {
    candidatesFound.addAll(List.of(1, 1));
    holdsPlaced.addAll(List.of(1, 1));
    ProcessInstance search = start();
    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.REQUEST));
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(16))));

    execute(job(RESPONSE_DEADLINE, search));

    assertThat(search).hasPassed("ServiceTask_ExpireRequest", WITHDRAW).isWaitingAtExactly(CHOOSE);
    assertThat(calls).containsSubsequence("expire", "withdraw");
  }

  @Test
  void placesTakenMeanwhileSendTheCaseworkerBackToAFreshList() {
    candidatesFound.addAll(List.of(2, 1));
    holdsPlaced.addAll(List.of(0));
    ProcessInstance search = start();

    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.REQUEST));

    assertThat(search).isWaitingAtExactly(CHOOSE).hasNotPassed(REQUESTS);
    assertThat(historicCount(FIND_CANDIDATES, search)).isEqualTo(2);
  }

  @Test
  void aPlaceFoundByPhoneInsteadOfARequestIsRecorded() {
    candidatesFound.add(1);
    ProcessInstance search = start();

    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.PHONE));

    assertThat(search).isEnded().hasPassed(RECORD_PHONE, END_PLACED).hasNotPassed(PLACE_HOLDS);
    assertThat(search).variables().containsEntry(Vars.SEARCH_OUTCOME, SearchOutcome.PLACED);
  }

  @Test
  void aPlaceFoundByPhoneWhileRequestsRunEndsThemAndIsRecorded() {
    candidatesFound.add(2);
    holdsPlaced.add(2);
    ProcessInstance search = start();
    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.REQUEST));

    runtimeService()
        .createMessageCorrelation(Messages.PLACE_FOUND_BY_PHONE)
        .processInstanceId(search.getId())
        .correlate();

    assertThat(search)
        .isEnded()
        .hasPassed(FOUND_BY_PHONE, RECORD_PHONE, END_PLACED)
        .hasNotPassed(WITHDRAW);
    assertThat(requests(search)).isEmpty();
  }

  @Test
  void theCaseworkerGivingUpEndsTheSearchWithoutAPlace() {
    candidatesFound.add(1);
    ProcessInstance search = start();

    complete(chooseTask(search), withVariables(Vars.CHOICE, Choice.GIVE_UP));

    assertThat(search).isEnded().hasPassed(END_EXHAUSTED).hasNotPassed(PLACE_HOLDS, RECORD_PHONE);
    assertThat(search).variables().containsEntry(Vars.SEARCH_OUTCOME, SearchOutcome.EXHAUSTED);
  }

  @Test
  void noFittingPlaceAtAllEndsTheSearchAtOnce() {
    ProcessInstance search = start();

    assertThat(search).isEnded().hasPassed(FIND_CANDIDATES, END_EXHAUSTED).hasNotPassed(CHOOSE);
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(CaseProcess.SEARCH_KEY, "SEG-2027-0042", Map.of());
  }

  /**
   * The search's order and its requests' providers as our tables would answer: the office chooses,
   * a provider answers within 15 minutes.
   */
  private static final class FixedSearchFacts implements SearchFacts {

    @Override
    public String candidateGroup(DelegateExecution execution) {
      return OFFICE_GROUP;
    }

    @Override
    public String responseDeadline(DelegateExecution execution) {
      return "PT15M";
    }

    @Override
    public String providerGroup(DelegateExecution execution) {
      return PROVIDER_GROUP;
    }

    @Override
    public Date answerDue(DelegateExecution execution) {
      return Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(15)));
    }
  }

  private static Task chooseTask(ProcessInstance search) {
    return taskQuery().processInstanceId(search.getId()).taskDefinitionKey(CHOOSE).singleResult();
  }

  private static List<Task> requests(ProcessInstance search) {
    return taskQuery()
        .processInstanceId(search.getId())
        .taskDefinitionKey(ANSWER)
        .orderByTaskId()
        .asc()
        .list();
  }

  private static long historicCount(String activity, ProcessInstance search) {
    return ENGINE
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(search.getId())
        .activityId(activity)
        .count();
  }
}
