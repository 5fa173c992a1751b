// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The caseworker found a place by phone, possibly outside the list: it is recorded as the
 * placement, the note naming it is kept encrypted on the case and leaves the process except as what
 * "Beendigung" shows (never in history).
 */
@Component("recordPhonePlacement")
class RecordPhonePlacementDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  RecordPhonePlacementDelegate(PlaceSearch search, CaseBinding binding) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String note = Variables.text(execution, Vars.PHONE_NOTE);
    Long placementId =
        search.recordPhonePlacement(
            binding.caseId(execution),
            Variables.optionalId(execution, Vars.PHONE_OFFER),
            note,
            Actors.current(execution));
    // without a registry offer the place lies outside the registry: only the note identifies it
    execution.setVariable(Vars.PLACEMENT_ID, placementId);
    execution.setVariable(Vars.PLACED_PROVIDER, note);
    execution.removeVariable(Vars.PHONE_NOTE);
  }
}
