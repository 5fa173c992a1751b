// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the first acceptance (or the last answer) every other open request is withdrawn at once.
 */
@Component("withdrawRequests")
class WithdrawRequestsDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  WithdrawRequestsDelegate(PlaceSearch search, CaseBinding binding) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    search.withdrawOpen(binding.caseId(execution), Actors.current(execution));
  }
}
