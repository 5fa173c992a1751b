// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.IntakeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A new search records what it was started to do ({@link PlaceSearchOrders}: scope, choosing group,
 * categories, response deadline, from its call activity's transient inputs). The search for
 * follow-up help marks on the case when the office decided it was needed (for statistics).
 */
@Component("startSearch")
class StartSearchListener implements ExecutionListener {

  private final IntakeService cases;
  private final CaseBinding binding;
  private final PlaceSearchOrders orders;

  StartSearchListener(IntakeService cases, CaseBinding binding, PlaceSearchOrders orders) {
    this.binding = binding;
    this.cases = cases;
    this.orders = orders;
  }

  @Override
  public void notify(DelegateExecution execution) {
    orders.record(execution);
    if (CaseOutcome.FOLLOW_UP.is(execution.getVariable(Vars.OUTCOME))) {
      cases.followUpNeeded(binding.caseId(execution));
    }
  }
}
