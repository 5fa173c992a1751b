// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * "Aufnahme vorbereiten" goes to the accepting provider's group only: the task's candidate groups
 * are set to the group our tables name for the case's placement, whatever the model's expression
 * gave.
 */
@Component("arrivalTaskCreated")
class ArrivalTaskListener implements TaskListener {

  private final CaseBinding binding;
  private final Arrivals arrivals;

  ArrivalTaskListener(CaseBinding binding, Arrivals arrivals) {
    this.binding = binding;
    this.arrivals = arrivals;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = binding.caseId(task.getExecution());
    String group =
        arrivals
            .of(caseId)
            .map(Arrivals.Arrival::providerGroup)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "case " + caseId + " expects no arrival at a registry provider"));
    List<String> candidates =
        task.getCandidates().stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .toList();
    candidates.stream()
        .filter(candidate -> !group.equals(candidate))
        .forEach(task::deleteCandidateGroup);
    if (!candidates.contains(group)) {
      task.addCandidateGroup(group);
    }
  }
}
