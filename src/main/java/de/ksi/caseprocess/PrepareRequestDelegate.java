package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Prepares one provider request of the parallel requests: its hold, the provider's group as candidate
 * group, the pseudonymised profile, and local answer variables so that parallel answers never mix.
 */
@Component("prepareRequest")
class PrepareRequestDelegate implements JavaDelegate {

  private final PlaceSearch search;

  PrepareRequestDelegate(PlaceSearch search) {
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> holds = Variables.ids(execution, Vars.REQUEST_HOLD_IDS);
    long holdId = holds.get(((Number) execution.getVariable("loopCounter")).intValue());
    PlaceSearch.Request request = search.request(holdId);
    execution.setVariableLocal(Vars.HOLD_ID, holdId);
    execution.setVariableLocal(Vars.PROVIDER_GROUP, request.hold().providerGroup());
    execution.setVariableLocal(Vars.PROVIDER_NAME, request.providerName());
    execution.setVariableLocal(Vars.REQUEST_SUMMARY, request.profileSummary());
    // the provider must answer before the response deadline's timer fires (the hold lasts a little longer)
    Duration answerWithin = Duration.parse(Variables.text(execution, Vars.RESPONSE_DEADLINE));
    execution.setVariableLocal(Vars.REQUEST_DUE_DATE, Date.from(ClockUtil.now().toInstant().plus(answerWithin)));
    execution.setVariableLocal(Vars.DECISION, null);
    execution.setVariableLocal(Vars.DECLINE_REASON, null);
    execution.setVariableLocal(Vars.DECLINE_NOTE, null);
  }
}
