// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.IntakeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A new search starts clean: results of an earlier search of the same case do not carry over. The
 * search for follow-up help marks on the case when the office decided it was needed (for
 * statistics).
 */
@Component("startSearch")
class StartSearchListener implements ExecutionListener {

  private final IntakeService cases;
  private final CaseBinding binding;

  StartSearchListener(IntakeService cases, CaseBinding binding) {
    this.binding = binding;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(Vars.PLACEMENT_ID, null);
    execution.setVariable(Vars.PLACED_PROVIDER, null);
    execution.setVariable(Vars.SEARCH_OUTCOME, null);
    if (CaseOutcome.FOLLOW_UP.is(execution.getVariable(Vars.OUTCOME))) {
      cases.followUpNeeded(binding.caseId(execution));
    }
  }
}
