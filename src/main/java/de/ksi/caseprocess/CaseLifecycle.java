// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.EmergencyMeasure;
import de.ksi.intake.EscalationLevel;
import de.ksi.intake.IntakeService;
import de.ksi.intake.NeedsProfile;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.notification.Notifications;
import de.ksi.security.CaseAccess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case's steps outside the search: escalation, placement, level-2 measures, handover and
 * closing.
 */
@Service
@Transactional
class CaseLifecycle {

  /** The audit recipient of a place outside the registry (the case's placement note names it). */
  static final String OUTSIDE_REGISTRY = "Platz außerhalb des Registers";

  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final AuditLog audit;
  private final Notifications notifications;
  private final PlaceSearch search;
  private final CaseAccess access;
  private final Timer timeToPlacement;

  CaseLifecycle(
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory,
      AuditLog audit,
      Notifications notifications,
      PlaceSearch search,
      CaseAccess access,
      MeterRegistry meters) {
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
    this.audit = audit;
    this.notifications = notifications;
    this.search = search;
    this.access = access;
    this.timeToPlacement =
        Timer.builder("ksi.case.time.to.placement")
            .description("From the start of the Inobhutnahme to the placement")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofDays(7))
            .register(meters);
  }

  /**
   * The search ran out of places or time: open requests are withdrawn (providers told) and the case
   * climbs a level; coordinators (and at level 2 the office's head) are told, with the
   * pseudonymised profile.
   */
  public void escalate(long caseId, EscalationLevel level, String actor) {
    CustodyCase c = cases.get(caseId);
    search.withdrawOpen(caseId, actor);
    cases.escalate(caseId, level);
    String text =
        "Fall "
            + c.getReference()
            + " ("
            + c.getOffice().label()
            + ") ist eskaliert: "
            + (level == EscalationLevel.LEVEL2
                ? "Stufe 2 – Notmaßnahme entscheiden."
                : "verbundweite Platzsuche.")
            + "\n"
            + NeedsProfile.of(c).summary();
    if (level == EscalationLevel.LEVEL2) {
      notifications.send(
          Groups.COORDINATORS, c.getReference(), Notifications.Kind.LEVEL2_ESCALATION, text);
      notifications.send(
          c.getOffice().headGroupId(),
          c.getReference(),
          Notifications.Kind.LEVEL2_ESCALATION,
          text);
    } else {
      notifications.send(
          Groups.COORDINATORS, c.getReference(), Notifications.Kind.NETWORK_ESCALATION, text);
    }
  }

  /**
   * Level 2: the emergency measure and its reason; a registry offer, if named, is occupied
   * directly. The place as the caseworker named it is kept encrypted on the case.
   */
  public Long emergencyMeasure(
      long caseId,
      EmergencyMeasure measure,
      String reason,
      String place,
      Long offerId,
      String actor) {
    CustodyCase c = cases.get(caseId);
    cases.emergencyMeasure(caseId, measure, reason);
    cases.notePlacement(caseId, place);
    Long placementId =
        offerId == null
            ? null
            : registry.placeDirect(offerId, c.getReference(), c.getSiblings(), actor).id();
    cases.placedIfOpen(caseId, placementId);
    return placementId;
  }

  /**
   * The child is placed. From now on, and only now, the accepting provider may see the child's
   * identity; the grant is recorded in the audit log. The placement is the one the acceptance, the
   * phone placement or the emergency measure recorded on the case; a case without one is not
   * placed, whatever the process says. A place outside the registry is named only by the
   * caseworker's note, which the case keeps encrypted: the audit log, kept longer than the child's
   * data, records no free text.
   */
  public void placed(long caseId, String actor) {
    CustodyCase c = cases.get(caseId);
    if (c.getStatus() != CustodyCase.Status.PLACED) {
      throw new IllegalStateException("case " + c.getReference() + " has no placement to record");
    }
    registry.releaseAll(c.getReference(), actor);
    timeToPlacement.record(Duration.between(c.getCustodyStart(), c.getPlacedAt()));
    Long placementId = c.getPlacementId();
    String recipient = OUTSIDE_REGISTRY;
    if (placementId != null) {
      recipient = directory.groupOfOffer(registry.placement(placementId).offerId());
    }
    audit.record(
        actor,
        c.getReference(),
        AuditLog.Action.DISCLOSURE_GRANTED,
        recipient,
        "Identität des Kindes für die aufnehmende Stelle freigegeben",
        "Unterbringung (§ 42 Abs. 1 SGB VIII)");
  }

  /** Handover to the follow-up help or another office: the emergency place is released at once. */
  public void handOver(
      long caseId,
      String outcome,
      String handoverOffice,
      String followUpCategory,
      String note,
      String actor) {
    CustodyCase c = cases.get(caseId);
    endEmergencyPlacement(c, "HANDOVER", actor);
    District office =
        handoverOffice == null || "EXTERN".equals(handoverOffice)
            ? null
            : District.valueOf(handoverOffice);
    cases.handedOver(caseId, office, followUpCategory, note);
    if (CaseOutcome.HANDOVER_OFFICE.is(outcome)) {
      audit.record(
          actor,
          c.getReference(),
          AuditLog.Action.DISCLOSED_TO_OFFICE,
          handoverOffice,
          "Zuständigkeit geht über",
          "Übergabe nach Verteilung (§ 42b SGB VIII)");
    }
    if (office != null) {
      // the old office's access to the case in Tasklist, Cockpit and /engine-rest ends here, the
      // new one's begins
      access.handOver(c.getReference(), c.getOffice(), office);
    }
  }

  /**
   * Closes the case: no hold and no emergency placement of it remains; outcome and refusals are
   * kept.
   */
  public void close(long caseId, CaseOutcome outcome, String note, String actor) {
    CustodyCase c = cases.get(caseId);
    List<HoldView> holds = registry.releaseAllAndList(c.getReference(), actor);
    endEmergencyPlacement(c, outcome.name(), actor);
    cases.close(caseId, outcome, note, refusals(holds));
  }

  private void endEmergencyPlacement(CustodyCase c, String reason, String actor) {
    if (c.getPlacementId() != null) {
      registry.endPlacement(c.getPlacementId(), reason, actor);
    }
  }

  /** Refusal reasons of this case, counted, e.g. {@code NO_PLACE_ANYMORE=2,STAFF_SHORTAGE=1}. */
  private static String refusals(List<HoldView> holds) {
    Map<String, Long> counts =
        holds.stream()
            .filter(h -> h.status() == HoldStatus.DECLINED || h.status() == HoldStatus.EXPIRED)
            .collect(
                Collectors.groupingBy(CaseLifecycle::refusal, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static String refusal(HoldView hold) {
    return hold.status() == HoldStatus.EXPIRED ? "NO_ANSWER" : String.valueOf(hold.declineReason());
  }
}
