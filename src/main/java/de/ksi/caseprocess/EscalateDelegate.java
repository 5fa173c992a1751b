// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.EscalationLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Withdraws open requests and raises the case to the escalation level the BPMN element names. */
@Component("escalate")
class EscalateDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CaseBinding binding;

  EscalateDelegate(CaseLifecycle lifecycle, CaseBinding binding) {
    this.binding = binding;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationLevel level = EscalationLevel.of(Variables.text(execution, Vars.TARGET_LEVEL));
    lifecycle.escalate(binding.caseId(execution), level, Actors.current(execution));
    execution.setVariable(Vars.ESCALATION_LEVEL, level.value());
  }
}
