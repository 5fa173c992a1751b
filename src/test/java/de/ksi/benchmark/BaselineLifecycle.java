// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The bare-engine baseline with our shape ({@code benchmark/baseline-*.bpmn} and {@code .dmn}): a
 * case process calling a duties and a search process, two decision tables, the same user tasks,
 * service tasks, timers and multi-instance subprocess as {@link CaseLifecycle} executes, no domain
 * code. Driven like it: each task found by business key and key and completed with the same
 * variables, in the same order.
 */
final class BaselineLifecycle implements Lifecycle {

  static final List<String> RESOURCES =
      List.of(
          "benchmark/baseline-case.bpmn",
          "benchmark/baseline-search.bpmn",
          "benchmark/baseline-duties.bpmn",
          "benchmark/baseline-collect.dmn",
          "benchmark/baseline-unique.dmn");
  static final String KEY = "benchmark-baseline";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;

  BaselineLifecycle(InProcessApp app) {
    ProcessEngine engine = app.bean(ProcessEngine.class);
    DeploymentBuilder deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("benchmark-baseline")
            .enableDuplicateFiltering(false);
    RESOURCES.forEach(deployment::addClasspathResource);
    deployment.deploy();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
  }

  @Override
  public String run(int sequence) {
    String ref = "BASE-" + sequence;
    runtime.startProcessInstanceByKey(KEY, ref, start(sequence, ref));
    // the choice's form reads what the search found before it is sent, as Tasklist loads a form
    // (GET /task/{id}/form-variables) and as ours reads its candidates: one engine call on both
    // sides
    Task choose = task(ref, "Choose");
    forms.getTaskFormVariables(choose.getId(), List.of("candidateCount"), true);
    forms.submitTaskForm(
        choose.getId(),
        Map.of("choice", "REQUEST", "selectedOffers", SpinValues.jsonValue("[\"1\"]").create()));
    complete(ref, "Answer", Map.of("decision", "ACCEPT"));
    complete(ref, "Duty1", Map.of("childInformed", true, "trustedPersonOffered", true));
    complete(
        ref,
        "Duty2",
        Map.of("parentsInformed", true, "riskAssessedWithParents", true, "parentsObject", false));
    complete(ref, "Outcome", Map.of("outcome", "RETURN_HOME"));
    return ref;
  }

  /**
   * References and what the decisions and gateways read: the inputs two rules match. Like ours (the
   * profile comes from the case table as transient variables), the decisions' inputs are transient;
   * textB stands for the legal ground, which ours keeps as a variable for the duties.
   */
  private static Map<String, Object> start(int sequence, String reference) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", (long) sequence);
    variables.put("caseReference", reference);
    variables.put("number", Variables.integerValue(13, true));
    variables.put("textA", Variables.stringValue("A2", true));
    variables.put("textB", "B2");
    variables.put("flagA", Variables.booleanValue(false, true));
    variables.put("flagB", Variables.booleanValue(false, true));
    variables.put("flagC", Variables.booleanValue(false, true));
    variables.put("level", Variables.stringValue("L1", true));
    return variables;
  }

  private void complete(String reference, String taskKey, Map<String, Object> variables) {
    // as Tasklist's "Abschließen" does it, like our lifecycle
    forms.submitTaskForm(task(reference, taskKey).getId(), variables);
  }

  private Task task(String reference, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey + " in " + reference);
    }
    return task;
  }
}
