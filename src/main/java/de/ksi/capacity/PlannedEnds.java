// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.audit.AuditLog;
import de.ksi.network.AccessPolicy;
import de.ksi.network.CaseReference;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned ends of placements (vacancies ahead), set by the caseworkers of the office that owns the
 * case, audited. The place stays taken until the placement really ends; the search and the Lagebild
 * show it as expected free.
 */
@Service
@Transactional
class PlannedEnds {

  /** A planned end further ahead than this is no vacancy anyone can plan with. */
  static final Duration MAX_AHEAD = Duration.ofDays(366);

  private final Placements placements;
  private final AuditLog audit;
  private final Clock clock;

  PlannedEnds(Placements placements, AuditLog audit, Clock clock) {
    this.placements = placements;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Sets ({@code at} not null) or clears the planned end of a placement, for the caller if the case
   * is their office's.
   */
  public PlacementView plan(long placementId, Instant at, PlannedEndReason reason, KsiUser user) {
    Placement placement = placements.findById(placementId).orElseThrow(() -> notFound(placementId));
    authorize(placement, user);
    Instant now = clock.instant();
    if (at != null && !at.isAfter(now)) {
      throw new ProblemException.InvalidInput("at", "problem.placement.planned-end-past", at);
    }
    if (at != null && at.isAfter(now.plus(MAX_AHEAD))) {
      throw new ProblemException.InvalidInput("at", "problem.placement.planned-end-too-far", at);
    }
    if (at != null && reason == null) {
      throw new ProblemException.InvalidInput("reason", "problem.placement.planned-end-reason");
    }
    placement.planEnd(at, at == null ? null : reason.name());
    audit.record(
        user.userId(),
        placement.getCaseReference(),
        AuditLog.Action.PLACEMENT_END_PLANNED,
        placement.getOffer().getProvider().getName(),
        at == null
            ? "Geplantes Ende der Belegung " + placementId + " aufgehoben"
            : "Geplantes Ende der Belegung " + placementId + ": " + at,
        at == null ? "Planung geändert" : reason.label());
    return PlacementView.of(placement);
  }

  /**
   * Only the caseworkers of the case's office plan its end. Coordinators and the provider see the
   * placement (403); anyone else learns nothing of it (404).
   */
  private void authorize(Placement placement, KsiUser user) {
    if (CaseReference.office(placement.getCaseReference()).map(user::worksFor).orElse(false)) {
      return;
    }
    if (AccessPolicy.actsForProvider(user, placement.getOffer().getProvider().getGroupId())) {
      throw new ProblemException.Forbidden(
          "problem.placement.planned-end-forbidden", placement.getId());
    }
    throw notFound(placement.getId());
  }

  private static ProblemException notFound(long placementId) {
    return new ProblemException.NotFound("problem.placement.not-found", placementId);
  }
}
