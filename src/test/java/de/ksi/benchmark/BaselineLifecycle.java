// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The bare-engine baseline ({@code benchmark/baseline-lifecycle.bpmn}), driven like {@link
 * CaseLifecycle}: a task is found by business key and key and completed with the same number of
 * variables, in the same order.
 */
final class BaselineLifecycle implements Lifecycle {

  static final String RESOURCE = "benchmark/baseline-lifecycle.bpmn";
  static final String KEY = "benchmark-baseline";

  private final RuntimeService runtime;
  private final TaskService tasks;

  BaselineLifecycle(InProcessApp app) {
    ProcessEngine engine = app.bean(ProcessEngine.class);
    engine
        .getRepositoryService()
        .createDeployment()
        .name("benchmark-baseline")
        .addClasspathResource(RESOURCE)
        .deploy();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  @Override
  public String run(int sequence) {
    String ref = "BASE-" + sequence;
    runtime.startProcessInstanceByKey(
        KEY, ref, Map.of("caseId", (long) sequence, "caseReference", ref));
    complete(ref, "Choose", Map.of("choice", "REQUEST", "selectedOffers", "[\"1\"]"));
    complete(ref, "Answer", Map.of("decision", "ACCEPT"));
    complete(ref, "Duty1", Map.of("childInformed", true, "trustedPersonOffered", true));
    complete(
        ref,
        "Duty2",
        Map.of("parentsInformed", true, "riskAssessedWithParents", true, "parentsObject", false));
    complete(ref, "Outcome", Map.of("outcome", "RETURN_HOME"));
    return ref;
  }

  private void complete(String reference, String taskKey, Map<String, Object> variables) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey + " in " + reference);
    }
    tasks.complete(task.getId(), variables);
  }
}
