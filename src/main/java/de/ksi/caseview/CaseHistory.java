// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.SearchCandidates;
import de.ksi.deadlines.DutiesProcess;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the engine knows of one case: its instances (the case, its searches and duties, all under
 * the case's root instance), escalations, duties, open tasks, timers and the history of steps. Read
 * without the engine's authorization checks: the caller has checked the viewer's right to the case
 * first.
 */
@Component
class CaseHistory {

  /** Activity types worth a line in the history; gateways and scopes are the model's plumbing. */
  private static final Set<String> SHOWN =
      Set.of(
          "userTask",
          "serviceTask",
          "businessRuleTask",
          "callActivity",
          "boundaryTimer",
          "noneEndEvent",
          "terminateEndEvent",
          "startEvent",
          "intermediateMessageCatch",
          "boundaryMessage");

  private static final int HISTORY_LINES = 80;

  /** An open task of the case. */
  record OpenTask(String key, String name, Instant due) {}

  /** A registry offer of the running search's candidate list, as the place choice offers it. */
  record CandidateOffer(long offerId, String label) {}

  private final CommandExecutor commands;
  private final HistoryService history;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final SearchCandidates candidates;

  CaseHistory(ProcessEngine engine, SearchCandidates candidates) {
    this.candidates = candidates;
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.runtime = engine.getRuntimeService();
  }

  List<HistoricProcessInstance> instances(String rootInstanceId) {
    return unchecked(
        () ->
            history
                .createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(rootInstanceId)
                .list());
  }

  List<CaseOverview.Escalation> escalations(String rootInstanceId) {
    return unchecked(
        () ->
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(rootInstanceId)
                .finished()
                .orderByHistoricActivityInstanceEndTime()
                .asc()
                .list()
                .stream()
                .filter(
                    a ->
                        a.getActivityId().equals(CaseProcess.Elements.ESCALATE_NETWORK)
                            || a.getActivityId().equals(CaseProcess.Elements.ESCALATE_LEVEL2))
                .map(
                    a ->
                        new CaseOverview.Escalation(
                            a.getActivityId().equals(CaseProcess.Elements.ESCALATE_NETWORK)
                                ? "Verbund"
                                : "Stufe 2",
                            instant(a.getEndTime())))
                .toList());
  }

  List<CaseOverview.Duty> duties(List<HistoricProcessInstance> instances) {
    List<String> duties =
        instances.stream()
            .filter(p -> DutiesProcess.KEY.equals(p.getProcessDefinitionKey()))
            .map(HistoricProcessInstance::getId)
            .toList();
    return unchecked(
        () ->
            duties.stream()
                .flatMap(
                    id ->
                        history
                            .createHistoricTaskInstanceQuery()
                            .processInstanceId(id)
                            .orderByHistoricActivityInstanceStartTime()
                            .asc()
                            .list()
                            .stream())
                .map(
                    t ->
                        new CaseOverview.Duty(
                            t.getName(),
                            instant(t.getDueDate()),
                            instant(t.getEndTime()),
                            t.getEndTime() == null))
                .toList());
  }

  List<OpenTask> openTasks(String rootInstanceId) {
    return unchecked(
        () ->
            runningInstances(rootInstanceId).stream()
                .flatMap(id -> tasks.createTaskQuery().processInstanceId(id).list().stream())
                .sorted(Comparator.comparing(Task::getCreateTime))
                .map(
                    t ->
                        new OpenTask(
                            t.getTaskDefinitionKey(), t.getName(), instant(t.getDueDate())))
                .toList());
  }

  /** The offers of the running search's candidate list (empty while no search runs). */
  List<CandidateOffer> candidateOffers(String rootInstanceId) {
    return unchecked(() -> candidates.of(runningInstances(rootInstanceId))).stream()
        .map(o -> new CandidateOffer(o.offerId(), o.label()))
        .toList();
  }

  /** The due date of each open provider request's answer task, by the hold it asks for. */
  Map<Long, Instant> responseDeadlines(String rootInstanceId) {
    return unchecked(
        () -> {
          Map<Long, Instant> due = new HashMap<>();
          for (String id : runningInstances(rootInstanceId)) {
            for (Task task :
                tasks
                    .createTaskQuery()
                    .processInstanceId(id)
                    .taskDefinitionKey(CaseProcess.SearchElements.ANSWER)
                    .list()) {
              Object hold = tasks.getVariableLocal(task.getId(), CaseProcess.Vars.HOLD_ID);
              if (hold instanceof Number number && task.getDueDate() != null) {
                due.put(number.longValue(), task.getDueDate().toInstant());
              }
            }
          }
          return due;
        });
  }

  /**
   * When the case's running timers fire, by element id (escalation deadlines, the arrival
   * reminder).
   */
  Map<String, Instant> timers(String rootInstanceId) {
    return unchecked(
        () -> {
          Map<String, Instant> due = new HashMap<>();
          for (String id : runningInstances(rootInstanceId)) {
            for (Job job : management.createJobQuery().processInstanceId(id).timers().list()) {
              String activity =
                  management
                      .createJobDefinitionQuery()
                      .jobDefinitionId(job.getJobDefinitionId())
                      .singleResult()
                      .getActivityId();
              due.merge(activity, job.getDuedate().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
            }
          }
          return due;
        });
  }

  /** The steps of every instance of the case, newest first; task steps name who completed them. */
  List<CaseOverview.HistoryEntry> steps(List<HistoricProcessInstance> instances) {
    return unchecked(
        () ->
            instances.stream()
                .flatMap(
                    p ->
                        history
                            .createHistoricActivityInstanceQuery()
                            .processInstanceId(p.getId())
                            .list()
                            .stream())
                .filter(a -> SHOWN.contains(a.getActivityType()) && a.getActivityName() != null)
                .sorted(Comparator.comparing(CaseHistory::at).reversed())
                .limit(HISTORY_LINES)
                .map(
                    a ->
                        new CaseOverview.HistoryEntry(
                            instant(at(a)), a.getActivityName(), a.getAssignee()))
                .toList());
  }

  private List<String> runningInstances(String rootInstanceId) {
    return history
        .createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(rootInstanceId)
        .unfinished()
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  private static Date at(HistoricActivityInstance a) {
    return a.getEndTime() != null ? a.getEndTime() : a.getStartTime();
  }

  private <T> T unchecked(Callable<T> read) {
    return commands.execute(context -> context.runWithoutAuthorization(read));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
