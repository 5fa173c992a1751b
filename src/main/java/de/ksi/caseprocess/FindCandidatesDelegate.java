// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.SearchResult;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.IntakeService;
import de.ksi.intake.NeedsProfile;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds ranked free places for the case and offers them to the caseworker as a choice; keeps the
 * category first needed.
 */
@Component("findCandidates")
class FindCandidatesDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;
  private final IntakeService cases;

  private final PlaceSearchOrders orders;

  FindCandidatesDelegate(
      PlaceSearch search, IntakeService cases, CaseBinding binding, PlaceSearchOrders orders) {
    this.binding = binding;
    this.orders = orders;
    this.search = search;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseId(execution);
    PlaceSearchOrders.Order order = orders.order(execution);
    List<String> categories = order.categories();
    if (!categories.isEmpty()) {
      cases.neededCategory(caseId, categories.get(0));
    }
    SearchResult found = search.candidates(caseId, order.networkWide(), categories);
    execution.setVariable(Vars.CANDIDATE_COUNT, found.candidates().size());
    orders.candidatesFound(
        execution,
        Candidates.options(found.candidates()),
        Candidates.summary(NeedsProfile.of(cases.get(caseId)), found));
  }
}
