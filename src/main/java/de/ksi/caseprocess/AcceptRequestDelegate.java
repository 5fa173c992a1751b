// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.PlacementView;
import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The provider accepted: its hold becomes the placement. Two acceptances at the same moment collide
 * on the multi-instance's counters, so only one commits; the other provider's task is then
 * cancelled.
 */
@Component("acceptRequest")
class AcceptRequestDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  AcceptRequestDelegate(PlaceSearch search, CaseBinding binding) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PlacementView placement =
        search.accept(
            binding.caseId(execution), binding.holdOfRequest(execution), Actors.current(execution));
    execution.getProcessInstance().setVariable(Vars.PLACEMENT_ID, placement.id());
    execution.getProcessInstance().setVariable(Vars.PLACED_PROVIDER, placement.providerName());
  }
}
