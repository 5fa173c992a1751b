// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Variables.*;

import de.ksi.intake.CaseFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * "Fristen berechnen": turns the start of the Inobhutnahme (from the case table, {@link CaseFacts})
 * and the deadline settings (extension properties of the task, edited in the BPMN) into due dates,
 * recorded in our tables for the model's timers and due dates ({@link DutyFacts}), not as
 * variables.
 */
@Component(DutiesProcess.Beans.CALCULATE_DEADLINES)
class DutyDeadlinesDelegate implements JavaDelegate {

  private final LegalDeadlines deadlines;
  private final CaseFacts cases;
  private final DutyDeadlines recorded;

  DutyDeadlinesDelegate(LegalDeadlines deadlines, CaseFacts cases, DutyDeadlines recorded) {
    this.deadlines = deadlines;
    this.cases = cases;
    this.recorded = recorded;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Settings settings = new Settings(execution);
    CaseFacts.Facts facts = cases.required(execution);
    Instant start = facts.custodyStart();
    Map<String, Object> process = new LinkedHashMap<>();
    due(process, INFORM_CHILD_DUE, deadlines.after(start, settings.text(INFORM_CHILD_WITHIN)));
    due(process, INFORM_PARENTS_DUE, deadlines.after(start, settings.text(INFORM_PARENTS_WITHIN)));
    for (String period : new String[] {OBJECTION_WITHIN, COURT_DECISION_WITHIN}) {
      process.put(period, deadlines.requireIsoPeriod(settings.text(period)));
    }
    if (facts.unaccompanied()) {
      due(process, GUARDIAN_DUE, deadlines.after(start, settings.text(GUARDIAN_WITHIN)));
      due(process, AGE_ASSESSMENT_DUE, workingDays(start, settings, AGE_ASSESSMENT_WORKING_DAYS));
      due(
          process,
          DISTRIBUTION_ASSESSMENT_DUE,
          workingDays(start, settings, DISTRIBUTION_ASSESSMENT_WORKING_DAYS));
      due(process, REPORT_DUE, workingDays(start, settings, REPORT_WORKING_DAYS));
      due(
          process,
          DISTRIBUTION_EXCLUDED_AT,
          deadlines.endOfPeriod(start, settings.text(DISTRIBUTION_EXCLUDED_AFTER)));
    }
    if (facts.freedomRestriction()) {
      due(process, FREEDOM_RESTRICTION_ENDS_AT, deadlines.endOfNextDay(start));
    }
    recorded.record(execution, process);
  }

  private Instant workingDays(Instant start, Settings settings, String setting) {
    String days = settings.text(setting);
    try {
      return deadlines.endOfWorkingDays(start, Integer.parseInt(days));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Deadline setting " + setting + " is not a number of working days: " + days, e);
    }
  }

  private static void due(Map<String, Object> deadlines, String name, Instant at) {
    deadlines.put(name, at);
  }

  /**
   * The deadline settings of the task: its extension properties (Camunda Modeler, tab "Extension
   * properties"), read from the deployed model, so they cost no process variables. A process
   * version that still sets one as an input parameter (a local variable of the task) is read as
   * before.
   */
  private static final class Settings {

    private final DelegateExecution execution;
    private final Map<String, String> properties = new HashMap<>();

    Settings(DelegateExecution execution) {
      this.execution = execution;
      FlowElement task = execution.getBpmnModelElementInstance();
      ExtensionElements extensions = task == null ? null : task.getExtensionElements();
      if (extensions != null) {
        for (CamundaProperties group :
            extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
          group
              .getCamundaProperties()
              .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
      }
    }

    String text(String name) {
      Object value =
          properties.containsKey(name) ? properties.get(name) : execution.getVariable(name);
      if (value == null || value.toString().isBlank()) {
        throw new IllegalArgumentException(
            "Deadline setting "
                + name
                + " is missing: add it as an extension property of "
                + DutiesProcess.Elements.CALCULATE_DEADLINES);
      }
      return value.toString().trim();
    }
  }
}
