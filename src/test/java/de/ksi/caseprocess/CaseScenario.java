// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.HoldStatus;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.IntakeRequest;
import de.ksi.network.Groups;
import de.ksi.network.KsiUser;
import de.ksi.testing.CaseTimers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/** Drives a case through the real process and registry the way caseworkers and providers would. */
final class CaseScenario {

  private final ProcessEngine engine;
  private final CaseIntake intake;
  private final CapacityRegistry registry;

  CaseScenario(ProcessEngine engine, CaseIntake intake, CapacityRegistry registry) {
    this.engine = engine;
    this.intake = intake;
    this.registry = registry;
  }

  CaseIntake.StartedCase start(IntakeRequest request) {
    KsiUser caseworker = new KsiUser("fk-test", Set.of(request.office().groupId()));
    return intake.registerAndStart(request, caseworker);
  }

  Task task(String reference, String taskKey) {
    List<Task> tasks = tasks(reference, taskKey);
    assertThat(tasks).as("open task %s of %s", taskKey, reference).hasSize(1);
    return tasks.get(0);
  }

  List<Task> tasks(String reference, String taskKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey)
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  Object variable(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  /**
   * What the task's form shows under that name, as Tasklist loads it (variables and our tables).
   */
  Object formVariable(Task task, String name) {
    return engine.getFormService().getTaskFormVariables(task.getId()).getValue(name, Object.class);
  }

  /** The caseworker asks the given offers at once (the candidate form's REQUEST choice). */
  void request(String reference, Long... offerIds) {
    String json =
        "["
            + String.join(
                ",", java.util.Arrays.stream(offerIds).map(id -> "\"" + id + "\"").toList())
            + "]";
    complete(
        task(reference, CaseProcess.SearchElements.CHOOSE),
        Map.of(
            Vars.CHOICE,
            CaseProcess.Choice.REQUEST,
            Vars.SELECTED_OFFERS,
            SpinValues.jsonValue(json).create()));
  }

  void choose(String reference, Map<String, Object> vars) {
    complete(task(reference, CaseProcess.SearchElements.CHOOSE), vars);
  }

  /** The provider of the offer answers its request. */
  void answer(String reference, long offerId, Map<String, Object> vars) {
    Task request =
        tasks(reference, CaseProcess.SearchElements.ANSWER).stream()
            .filter(
                t ->
                    registry.holdView(((Number) variable(t, Vars.HOLD_ID)).longValue()).offerId()
                        == offerId)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open request for offer " + offerId));
    complete(request, vars);
  }

  void accept(String reference, long offerId) {
    answer(reference, offerId, Map.of(Vars.DECISION, "ACCEPT"));
  }

  void complete(Task task, Map<String, Object> vars) {
    engine.getTaskService().complete(task.getId(), vars);
  }

  /** The first candidate offered to the caseworker, by its offer id. */
  long firstCandidate(String reference) {
    Task choose = task(reference, CaseProcess.SearchElements.CHOOSE);
    return candidates(choose).get(0);
  }

  /** Offer ids of the candidates offered in the caseworker's form, best first. */
  List<Long> candidates(Task choose) {
    SpinJsonNode options =
        (SpinJsonNode)
            engine.getFormService().getTaskFormVariables(choose.getId()).get(Vars.CANDIDATES);
    return options.elements().stream()
        .map(o -> Long.valueOf(o.prop("value").stringValue()))
        .toList();
  }

  /**
   * Moves the engine's (and so the registry's) clock forward and runs the case's timers that became
   * due, earliest first; a timer that cancels others (an escalation) takes them with it.
   */
  void passTime(String reference, Duration duration) {
    CaseTimers.passTime(engine, reference, duration);
  }

  boolean ended(String processInstanceId) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .count()
        == 0;
  }

  List<HoldStatus> holdStatuses(String reference) {
    return registry.holdsOf(reference).stream().map(h -> h.status()).toList();
  }

  static KsiUser coordinator() {
    return new KsiUser("koordination-test", Set.of(Groups.COORDINATORS));
  }
}
