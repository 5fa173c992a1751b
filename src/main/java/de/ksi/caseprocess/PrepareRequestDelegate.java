// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares one provider request of the parallel requests: it takes the next hold of its search from
 * our tables (bound to this request's execution, where {@link SearchFacts} finds the provider's
 * group and the answer's due date for the task). The provider's answer needs no variable here: a
 * form submission passes it transient ({@link CaseProcess.Vars#READ_AT_ONCE}), so parallel answers
 * never mix. The pseudonymised profile is not stored: {@link RequestSummaryPlugin} reads it from
 * our tables whenever the request's form is read.
 */
@Component("prepareRequest")
class PrepareRequestDelegate implements JavaDelegate {

  private final CaseBinding binding;

  PrepareRequestDelegate(CaseBinding binding) {
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    binding.takeNextRequest(execution.getProcessInstanceId(), execution.getId());
  }
}
