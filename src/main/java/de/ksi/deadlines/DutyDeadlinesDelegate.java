package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Variables.*;

import de.ksi.deadlines.DutiesProcess.Values;
import de.ksi.network.District;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fristen berechnen": turns the start of the Inobhutnahme and the deadline settings (input parameters
 * of the task, edited in the BPMN) into due dates, and names the office's candidate group.
 */
@Component(DutiesProcess.Beans.CALCULATE_DEADLINES)
class DutyDeadlinesDelegate implements JavaDelegate {

  private final LegalDeadlines deadlines;

  DutyDeadlinesDelegate(LegalDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant start = ((Date) execution.getVariable(CUSTODY_START)).toInstant();
    boolean freedomRestriction = Boolean.TRUE.equals(execution.getVariable(FREEDOM_RESTRICTION));
    DelegateExecution process = execution.getProcessInstance();
    process.setVariableLocal(OFFICE_GROUP, District.valueOf(text(execution, OFFICE)).groupId());
    process.setVariableLocal(FREEDOM_RESTRICTION, freedomRestriction);
    due(process, INFORM_CHILD_DUE, deadlines.after(start, text(execution, INFORM_CHILD_WITHIN)));
    due(process, INFORM_PARENTS_DUE, deadlines.after(start, text(execution, INFORM_PARENTS_WITHIN)));
    for (String period : new String[] {OBJECTION_WITHIN, COURT_DECISION_WITHIN}) {
      process.setVariableLocal(period, deadlines.requireIsoPeriod(text(execution, period)));
    }
    if (Values.GROUND_UMA.equals(execution.getVariable(LEGAL_GROUND))) {
      due(process, GUARDIAN_DUE, deadlines.after(start, text(execution, GUARDIAN_WITHIN)));
      due(process, AGE_ASSESSMENT_DUE, workingDays(start, execution, AGE_ASSESSMENT_WORKING_DAYS));
      due(process, DISTRIBUTION_ASSESSMENT_DUE,
          workingDays(start, execution, DISTRIBUTION_ASSESSMENT_WORKING_DAYS));
      due(process, REPORT_DUE, workingDays(start, execution, REPORT_WORKING_DAYS));
      due(process, DISTRIBUTION_EXCLUDED_AT,
          deadlines.endOfPeriod(start, text(execution, DISTRIBUTION_EXCLUDED_AFTER)));
    }
    if (freedomRestriction) {
      due(process, FREEDOM_RESTRICTION_ENDS_AT, deadlines.endOfNextDay(start));
    }
  }

  private Instant workingDays(Instant start, DelegateExecution execution, String setting) {
    return deadlines.endOfWorkingDays(start, Integer.parseInt(text(execution, setting)));
  }

  private static void due(DelegateExecution process, String name, Instant at) {
    process.setVariableLocal(name, Date.from(at));
  }

  private static String text(DelegateExecution execution, String name) {
    return String.valueOf(execution.getVariable(name)).trim();
  }
}
