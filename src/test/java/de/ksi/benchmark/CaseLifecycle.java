// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.capacity.Gender;
import de.ksi.caseprocess.CaseIntake;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import de.ksi.testing.Intakes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Our whole case: intake, own-district search, the caseworker asks the best candidate, the provider
 * accepts, placement, the legal duties (child and parents informed, parents agree), return home,
 * closed. Each task is completed as Tasklist's "Abschließen" does it, by submitting its form.
 */
final class CaseLifecycle implements Lifecycle {

  private static final District[] OFFICES = District.values();

  private final CaseIntake intake;
  private final TaskService tasks;
  private final FormService forms;

  CaseLifecycle(InProcessApp app) {
    this.intake = app.bean(CaseIntake.class);
    this.tasks = app.bean(org.camunda.bpm.engine.ProcessEngine.class).getTaskService();
    this.forms = app.bean(org.camunda.bpm.engine.ProcessEngine.class).getFormService();
  }

  @Override
  public String run(int sequence) {
    District office = OFFICES[sequence % OFFICES.length];
    var request =
        Intakes.request(
            office, LegalGround.NR2_DRINGENDE_GEFAHR, 13, Gender.FEMALE, Urgency.IMMEDIATE);
    String ref =
        intake
            .registerAndStart(request, new KsiUser("fk-bench", Set.of(office.groupId())))
            .caseReference();

    Task choose = task(ref, CaseProcess.SearchElements.CHOOSE);
    // as Tasklist loads the form: GET /task/{id}/form-variables
    SpinJsonNode candidates =
        (SpinJsonNode)
            forms
                .getTaskFormVariables(choose.getId(), List.of(Vars.CANDIDATES), true)
                .get(Vars.CANDIDATES);
    String offer = candidates.elements().get(0).prop("value").stringValue();
    forms.submitTaskForm(
        choose.getId(),
        Map.of(
            Vars.CHOICE,
            CaseProcess.Choice.REQUEST,
            Vars.SELECTED_OFFERS,
            SpinValues.jsonValue("[\"" + offer + "\"]").create()));
    forms.submitTaskForm(
        task(ref, CaseProcess.SearchElements.ANSWER).getId(), Map.of(Vars.DECISION, "ACCEPT"));

    forms.submitTaskForm(
        task(ref, DutiesProcess.Elements.INFORM_CHILD).getId(),
        Map.of(
            DutiesProcess.Variables.CHILD_INFORMED,
            true,
            DutiesProcess.Variables.TRUSTED_PERSON_OFFERED,
            true));
    forms.submitTaskForm(
        task(ref, DutiesProcess.Elements.INFORM_PARENTS).getId(),
        Map.of(
            DutiesProcess.Variables.PARENTS_INFORMED,
            true,
            DutiesProcess.Variables.RISK_ASSESSED_WITH_PARENTS,
            true,
            DutiesProcess.Variables.PARENTS_OBJECT,
            false));
    forms.submitTaskForm(
        task(ref, CaseProcess.Elements.DECIDE_OUTCOME).getId(),
        Map.of(Vars.OUTCOME, "RETURN_HOME"));
    return ref;
  }

  private Task task(String reference, String taskKey) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("no open task " + taskKey + " in case " + reference);
    }
    return task;
  }
}
