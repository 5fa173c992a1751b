// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands the child over to the follow-up help or another office and releases the emergency place at
 * once; the handover note is kept encrypted on the case and leaves the process.
 */
@Component("handOver")
class HandOverDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CaseBinding binding;

  HandOverDelegate(CaseLifecycle lifecycle, CaseBinding binding) {
    this.binding = binding;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.handOver(
        binding.caseId(execution),
        Variables.text(execution, Vars.OUTCOME),
        Variables.text(execution, Vars.HANDOVER_OFFICE),
        Variables.text(execution, Vars.FOLLOW_UP_CATEGORY),
        Variables.text(execution, Vars.HANDOVER_NOTE),
        Actors.current(execution));
    execution.removeVariable(Vars.HANDOVER_NOTE);
  }
}
