// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.EmergencyMeasure;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the level-2 emergency measure with its reason and place (on the case) and, if named,
 * occupies the registry place; the reason leaves the process, the place stays only as what
 * "Beendigung" shows (never in history).
 */
@Component("recordEmergencyMeasure")
class RecordEmergencyMeasureDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CaseBinding binding;

  RecordEmergencyMeasureDelegate(CaseLifecycle lifecycle, CaseBinding binding) {
    this.binding = binding;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long placementId =
        lifecycle.emergencyMeasure(
            binding.caseId(execution),
            EmergencyMeasure.of(Variables.text(execution, Vars.EMERGENCY_MEASURE)),
            Variables.text(execution, Vars.EMERGENCY_REASON),
            Variables.text(execution, Vars.PLACED_PROVIDER),
            Variables.optionalId(execution, Vars.EMERGENCY_OFFER),
            Actors.current(execution));
    execution.setVariable(Vars.PLACEMENT_ID, placementId);
    execution.removeVariable(Vars.EMERGENCY_REASON);
  }
}
