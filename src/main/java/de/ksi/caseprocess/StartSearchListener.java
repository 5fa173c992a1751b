package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A new search starts clean: results of an earlier search of the same case do not carry over. */
@Component("startSearch")
class StartSearchListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(Vars.PLACEMENT_ID, null);
    execution.setVariable(Vars.PLACED_PROVIDER, null);
    execution.setVariable(Vars.SEARCH_OUTCOME, null);
  }
}
