// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The provider confirmed "Kind ist angekommen": the time and who confirmed go to the case's arrival
 * row.
 */
@Component("recordArrival")
class RecordArrivalDelegate implements JavaDelegate {

  private final CaseBinding binding;
  private final Arrivals arrivals;

  RecordArrivalDelegate(CaseBinding binding, Arrivals arrivals) {
    this.binding = binding;
    this.arrivals = arrivals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    arrivals.confirm(binding.caseId(execution), Actors.current(execution));
  }
}
