// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Choice;
import de.ksi.caseprocess.CaseProcess.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Holds a place at each provider asked; the requests then run in parallel, first acceptance wins.
 */
@Component("placeHolds")
class PlaceHoldsDelegate implements JavaDelegate {

  private final PlaceSearch search;
  private final CaseBinding binding;

  private final PlaceSearchOrders orders;

  PlaceHoldsDelegate(PlaceSearch search, CaseBinding binding, PlaceSearchOrders orders) {
    this.binding = binding;
    this.orders = orders;
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseId(execution);
    PlaceSearchOrders.Order order = orders.order(execution);
    List<Long> holds =
        search.holdForRequests(
            caseId,
            Choice.BEST.equals(execution.getVariable(Vars.CHOICE)),
            order.networkWide(),
            order.categories(),
            Variables.ids(execution, Vars.SELECTED_OFFERS),
            order.responseDeadline(),
            Actors.current(execution));
    binding.requestsPlaced(caseId, execution.getProcessInstanceId(), holds);
    execution.setVariable(Vars.REQUEST_COUNT, holds.size());
  }
}
