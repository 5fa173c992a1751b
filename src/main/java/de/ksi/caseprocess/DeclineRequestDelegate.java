// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.DeclineReason;
import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The provider declined with a reason from the fixed list; reason and note are kept on the hold
 * (the reason for statistics), and the note leaves the process.
 */
@Component("declineRequest")
class DeclineRequestDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  DeclineRequestDelegate(PlaceSearch search, CaseBinding binding) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Variables.text(execution, Vars.DECLINE_REASON);
    search.decline(
        binding.holdOfRequest(execution),
        reason == null
            ? DeclineReason.OTHER
            : FormValues.enumValue(DeclineReason.class, reason, "Grund der Absage"),
        Variables.text(execution, Vars.DECLINE_NOTE),
        Actors.current(execution));
    execution.removeVariable(Vars.DECLINE_NOTE);
  }
}
