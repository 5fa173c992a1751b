// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.IntakeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the placement: the provider of the case's registry placement is expected to receive the
 * child. Its group (for the task "Aufnahme vorbereiten") comes from the placement recorded on the
 * case, never from a variable; a place outside the registry has no provider to ask.
 */
@Component("expectArrival")
class ExpectArrivalDelegate implements JavaDelegate {

  private final CaseBinding binding;
  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final Arrivals arrivals;

  ExpectArrivalDelegate(
      CaseBinding binding,
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory,
      Arrivals arrivals) {
    this.binding = binding;
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
    this.arrivals = arrivals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseId(execution);
    Long placementId = cases.get(caseId).getPlacementId();
    String group = null;
    if (placementId != null) {
      group = directory.groupOfOffer(registry.placement(placementId).offerId());
      arrivals.expect(caseId, placementId, group);
    }
    // transient: the gateway right after and the task's candidate group read it in this transaction
    execution.setVariableLocal(
        Vars.ARRIVAL_GROUP, org.camunda.bpm.engine.variable.Variables.stringValue(group, true));
  }
}
