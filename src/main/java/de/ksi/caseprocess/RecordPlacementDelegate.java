// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books the placement the case recorded (acceptance, phone placement or emergency measure) and
 * grants the accepting provider the child's identity (audited). The placement comes from the case,
 * not from a variable.
 */
@Component("recordPlacement")
class RecordPlacementDelegate implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CaseBinding binding;

  RecordPlacementDelegate(CaseLifecycle lifecycle, CaseBinding binding) {
    this.lifecycle = lifecycle;
    this.binding = binding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.placed(binding.caseId(execution), Actors.current(execution));
  }
}
