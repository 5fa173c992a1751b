// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The arrival stays unconfirmed: the responsible office is told whom to call (pseudonymised, by
 * reference).
 */
@Component("remindArrival")
class RemindArrivalDelegate implements JavaDelegate {

  private final CaseBinding binding;
  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final Notifications notifications;
  private final Arrivals arrivals;

  RemindArrivalDelegate(
      CaseBinding binding,
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory,
      Notifications notifications,
      Arrivals arrivals) {
    this.binding = binding;
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
    this.notifications = notifications;
    this.arrivals = arrivals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = binding.caseId(execution);
    CustodyCase c = cases.get(caseId);
    Arrivals.Arrival arrival = arrivals.of(caseId).orElseThrow();
    ProviderView provider = directory.get(registry.placement(arrival.placementId()).providerId());
    notifications.send(
        c.responsibleOffice().groupId(),
        c.getReference(),
        Notifications.Kind.ARRIVAL_OVERDUE,
        "Fall "
            + c.getReference()
            + ": "
            + provider.name()
            + " hat die Ankunft des Kindes noch nicht bestätigt. "
            + "Bitte rufen Sie dort an: "
            + provider.phone24h()
            + ". Fallansicht: /faelle/"
            + c.getReference());
    arrivals.reminded(caseId);
  }
}
