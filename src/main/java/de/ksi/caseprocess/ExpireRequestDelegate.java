// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No answer within the response deadline: the hold is recorded as expired and the search moves on.
 */
@Component("expireRequest")
class ExpireRequestDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  ExpireRequestDelegate(PlaceSearch search, CaseBinding binding) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    search.expire(binding.holdOfRequest(execution), Actors.current(execution));
  }
}
