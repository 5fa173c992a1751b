// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import de.ksi.capacity.DistrictSummary;
import de.ksi.capacity.StaleOffer;
import de.ksi.network.District;
import java.time.Instant;
import java.util.List;

/**
 * The network at a glance, pseudonymised: free places of the whole network, the children still
 * waiting for a place, overdue legal duties and providers whose Platzmeldung is stale. Cases and
 * duties are limited to what the caller may see: coordinators the network, caseworkers their own
 * office.
 */
record Lagebild(
    Instant at,
    boolean networkWide,
    List<District> offices,
    List<DistrictSummary> places,
    List<WaitingChild> waiting,
    List<OverdueDuty> overdueDuties,
    List<StaleOffer> staleOffers) {

  /** A case without a place yet; never the child's name, only its age band. */
  public record WaitingChild(
      String caseReference,
      District office,
      String officeLabel,
      String ageBand,
      int siblings,
      String urgency,
      String escalationLevel,
      Instant custodyStart,
      long waitingMinutes,
      String processInstanceId) {}

  /**
   * An open legal duty past its due date, or an open "Frist überschritten" task of the
   * coordinators.
   *
   * @param escalated true for the coordinators' "Frist überschritten" task, false for the office's
   *     duty itself
   */
  public record OverdueDuty(
      String caseReference,
      District office,
      String task,
      boolean escalated,
      Instant due,
      long overdueMinutes,
      String taskId,
      String processInstanceId) {}
}
