// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Prepares one provider request of the parallel requests: it takes the next hold of its search from
 * our tables (bound to this request's execution), the provider's group as candidate group, and
 * local answer variables so that parallel answers never mix. The pseudonymised profile is not
 * stored: {@link RequestSummaryPlugin} reads it from our tables whenever the request's form is
 * read.
 */
@Component("prepareRequest")
class PrepareRequestDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  PrepareRequestDelegate(PlaceSearch search, CaseBinding binding) {
    this.search = search;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long holdId = binding.takeNextRequest(execution.getProcessInstanceId(), execution.getId());
    PlaceSearch.Request request = search.request(holdId);
    execution.setVariableLocal(Vars.HOLD_ID, holdId);
    execution.setVariableLocal(Vars.PROVIDER_GROUP, request.hold().providerGroup());
    execution.setVariableLocal(Vars.PROVIDER_NAME, request.providerName());
    // the provider must answer before the response deadline's timer fires (the hold lasts a little
    // longer)
    Duration answerWithin = Duration.parse(Variables.text(execution, Vars.RESPONSE_DEADLINE));
    execution.setVariableLocal(
        Vars.REQUEST_DUE_DATE, Date.from(ClockUtil.now().toInstant().plus(answerWithin)));
    execution.setVariableLocal(Vars.DECISION, null);
    execution.setVariableLocal(Vars.DECLINE_REASON, null);
    execution.setVariableLocal(Vars.DECLINE_NOTE, null);
  }
}
