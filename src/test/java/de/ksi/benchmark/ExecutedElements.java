// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * What one lifecycle actually executed, read from the engine's full history: activity instances by
 * type (all process instances under the business key, called processes included), timers created
 * and the process variables created (historic variable instances, every scope).
 */
record ExecutedElements(
    Map<String, Long> byType,
    long timersCreated,
    long processInstances,
    long unfinished,
    long variables) {

  static ExecutedElements of(HistoryService history, String businessKey) {
    List<HistoricProcessInstance> processes =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list();
    List<String> instances = processes.stream().map(HistoricProcessInstance::getId).toList();
    long unfinished = processes.stream().filter(p -> p.getEndTime() == null).count();
    Map<String, Long> byType = new TreeMap<>();
    long timers = 0;
    long variables = 0;
    for (String instance : instances) {
      variables +=
          history.createHistoricVariableInstanceQuery().processInstanceId(instance).count();
      for (HistoricActivityInstance activity :
          history.createHistoricActivityInstanceQuery().processInstanceId(instance).list()) {
        byType.merge(activity.getActivityType(), 1L, Long::sum);
      }
      for (HistoricJobLog log :
          history.createHistoricJobLogQuery().processInstanceId(instance).creationLog().list()) {
        timers +=
            log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer")
                ? 1
                : 0;
      }
    }
    return new ExecutedElements(byType, timers, instances.size(), unfinished, variables);
  }

  /** The same elements executed the same number of times, timers and process instances included. */
  boolean sameShapeAs(ExecutedElements other) {
    return byType.equals(other.byType)
        && timersCreated == other.timersCreated
        && processInstances == other.processInstances;
  }

  long count(String activityType) {
    return byType.getOrDefault(activityType, 0L);
  }

  long userTasks() {
    return count("userTask");
  }

  /** Service and business rule tasks: every task the engine runs without a person. */
  long automatedTasks() {
    return count("serviceTask") + count("businessRuleTask");
  }

  String describe() {
    return userTasks()
        + " user tasks, "
        + count("serviceTask")
        + " service tasks, "
        + count("businessRuleTask")
        + " business rule tasks (DMN), "
        + timersCreated
        + " timers created, "
        + count("callActivity")
        + " call activities, "
        + count("subProcess")
        + " embedded subprocesses ("
        + count("multiInstanceBody")
        + " multi-instance), "
        + (count("exclusiveGateway") + count("inclusiveGateway") + count("parallelGateway"))
        + " gateways, "
        + processInstances
        + " process instances";
  }
}
