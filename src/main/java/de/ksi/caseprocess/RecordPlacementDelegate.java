// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Books the placement on the case and grants the accepting provider the child's identity (audited). */
@Component("recordPlacement")
class RecordPlacementDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;

  RecordPlacementDelegate(CaseLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.placed(
        Variables.id(execution, Vars.CASE_ID),
        Variables.optionalId(execution, Vars.PLACEMENT_ID),
        Variables.text(execution, Vars.PLACED_PROVIDER),
        Actors.current(execution));
  }
}
