// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CaseOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the case: releases every hold and the emergency place, keeps outcome and refusals for
 * statistics; the outcome note is kept on the case, and it and every other free text leave the
 * process.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CaseBinding binding;

  CloseCaseDelegate(CaseLifecycle lifecycle, CaseBinding binding) {
    this.binding = binding;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(
        binding.caseId(execution),
        CaseOutcome.of(Variables.text(execution, Vars.OUTCOME)),
        Variables.text(execution, Vars.OUTCOME_NOTE),
        Actors.current(execution));
    // the case is closed: no form shows a free text anymore (the legal duties may still run on)
    execution.getProcessInstance().removeVariables(Vars.FREE_TEXT);
  }
}
