// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.platform.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds, placements and availability reports. Every change to who occupies a place goes through
 * here, under a row lock on the offer, so a place is never given twice.
 */
@Service
@Transactional
public class CapacityRegistry {

  private final Offers offers;
  private final Holds holds;
  private final Placements placements;
  private final Availability availability;
  private final ReportHistory history;
  private final CapacityProperties properties;
  private final Clock clock;

  CapacityRegistry(
      Offers offers,
      Holds holds,
      Placements placements,
      Availability availability,
      ReportHistory history,
      CapacityProperties properties,
      Clock clock) {
    this.offers = offers;
    this.holds = holds;
    this.placements = placements;
    this.availability = availability;
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Outcome of a hold request: the hold and whether it was created now (false: an identical one was
   * active).
   */
  public record HoldResult(HoldView hold, boolean created) {}

  /**
   * Holds {@code places} places of an offer for a case. Holding the same offer again for the same
   * case while the first hold is active returns that hold, so a retried request does not take a
   * second place.
   *
   * @throws NoPlaceFreeException when fewer places are free than requested; it does not roll back
   *     the caller's transaction (nothing was written), so a place search can skip the offer and go
   *     on
   */
  @Transactional(noRollbackFor = NoPlaceFreeException.class)
  public HoldResult hold(
      long offerId, String caseReference, int places, Duration duration, String actor) {
    Duration length = duration == null ? properties.defaultHold() : duration;
    if (length.compareTo(properties.maxHold()) > 0) {
      throw new ProblemException.InvalidInput(
          "minutes", "problem.hold.too-long", properties.maxHold().toMinutes());
    }
    Offer offer = offers.findByIdForUpdate(offerId).orElseThrow(() -> offerNotFound(offerId));
    Instant now = clock.instant();
    Optional<Hold> existing = holds.findActive(offerId, caseReference, now);
    if (existing.isPresent()) {
      return new HoldResult(HoldView.of(existing.get(), now, null), false);
    }
    int free = availability.freePlaces(offerId, now);
    if (free < places) {
      throw new NoPlaceFreeException(offerId, places, free);
    }
    Hold hold = holds.save(new Hold(offer, caseReference, places, actor, now, now.plus(length)));
    return new HoldResult(HoldView.of(hold, now, null), true);
  }

  /** The provider accepted: the hold becomes a placement; from now on the place is taken. */
  public PlacementView confirm(long holdId, String actor) {
    Hold hold = lockedHold(holdId);
    Instant now = clock.instant();
    Placement placement = placements.save(hold.confirm(actor, now));
    availability.placementMoved(placement.getOffer().getId(), now);
    return PlacementView.of(placement);
  }

  public HoldView decline(long holdId, DeclineReason reason, String note, String actor) {
    Hold hold = lockedHold(holdId);
    Instant now = clock.instant();
    hold.decline(reason, note, actor, now);
    return HoldView.of(hold, now, null);
  }

  public HoldView release(long holdId, String actor) {
    Hold hold = lockedHold(holdId);
    Instant now = clock.instant();
    hold.release(actor, now);
    return HoldView.of(hold, now, null);
  }

  /**
   * Releases every active hold of a case, e.g. once another provider accepted or the case closed.
   */
  public List<HoldView> releaseAll(String caseReference, String actor) {
    Instant now = clock.instant();
    return holds.findByCaseReferenceOrderById(caseReference).stream()
        .filter(h -> h.isActiveAt(now))
        .map(h -> release(h.getId(), actor))
        .toList();
  }

  /**
   * The same, and then every hold of the case as it is now, in the order placed, from the same read
   * (e.g. for the refusals a closed case keeps).
   */
  public List<HoldView> releaseAllAndList(String caseReference, String actor) {
    Instant now = clock.instant();
    List<Hold> all = holds.findByCaseReferenceOrderById(caseReference);
    all.stream().filter(h -> h.isActiveAt(now)).forEach(h -> release(h.getId(), actor));
    return all.stream().map(h -> HoldView.of(h, now, null)).toList();
  }

  /**
   * Records a place found by phone or decided at level 2: the provider said yes, so the place is
   * occupied even if the registry's free count was stale (the count never drops below zero).
   */
  public PlacementView placeDirect(long offerId, String caseReference, int places, String actor) {
    Offer offer = offers.findByIdForUpdate(offerId).orElseThrow(() -> offerNotFound(offerId));
    Instant now = clock.instant();
    Placement placement =
        placements.save(Placement.direct(offer, caseReference, places, actor, now));
    availability.placementMoved(offerId, now);
    return PlacementView.of(placement);
  }

  /** No answer within the response time: the hold is marked expired. */
  public HoldView expire(long holdId, String actor) {
    Hold hold = lockedHold(holdId);
    Instant now = clock.instant();
    hold.expire(actor, now);
    return HoldView.of(hold, now, null);
  }

  /** Every hold of a case, in the order placed. */
  @Transactional(readOnly = true)
  public List<HoldView> holdsOf(String caseReference) {
    Instant now = clock.instant();
    return holds.findByCaseReferenceOrderById(caseReference).stream()
        .map(h -> HoldView.of(h, now, null))
        .toList();
  }

  @Transactional(readOnly = true)
  public PlacementView placement(long placementId) {
    return PlacementView.of(
        placements
            .findById(placementId)
            .orElseThrow(
                () -> new ProblemException.NotFound("problem.placement.not-found", placementId)));
  }

  /** The child left the place; the place counts as free again. */
  public PlacementView endPlacement(long placementId, String reason, String actor) {
    Placement placement =
        placements
            .findById(placementId)
            .orElseThrow(
                () -> new ProblemException.NotFound("problem.placement.not-found", placementId));
    Instant now = clock.instant();
    if (placement.end(reason, now)) {
      availability.placementMoved(placement.getOffer().getId(), now);
    }
    return PlacementView.of(placement);
  }

  /** A Platzmeldung without staffed places: the provider reports its free places now. */
  public void reportAvailability(long offerId, int free, String actor) {
    reportAvailability(offerId, free, null, actor);
  }

  /**
   * A Platzmeldung: free places now and the places the provider can staff tonight (null: not
   * reported, counts as licensed). Kept in the report history for the statistics.
   */
  public void reportAvailability(long offerId, int free, Integer staffed, String actor) {
    Offer offer = offers.findByIdForUpdate(offerId).orElseThrow(() -> offerNotFound(offerId));
    // microseconds, as the database stores them: the placements counted as occupied are those the
    // free count sees
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int occupied = placements.occupiedAt(offerId, now);
    offer.reportAvailability(free, staffed, occupied, actor, now);
    history.record(offer, staffed, occupied, now);
  }

  /**
   * After placements were written by SQL past this registry (demo data, bulk loads): notes on every
   * offer when its placements last started or ended, which the free count relies on.
   */
  public void placementsImported() {
    availability.placementsImported();
  }

  @Transactional(readOnly = true)
  public HoldView holdView(long holdId) {
    Hold hold = holds.findById(holdId).orElseThrow(() -> holdNotFound(holdId));
    return HoldView.of(hold, clock.instant(), null);
  }

  /**
   * The holds of the given ids that exist, read together (e.g. for a provider's list of open
   * requests).
   */
  @Transactional(readOnly = true)
  public List<HoldView> holdViews(Collection<Long> holdIds) {
    if (holdIds.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    return holds.findAllWithOfferByIdIn(holdIds).stream()
        .map(h -> HoldView.of(h, now, null))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<PlacementView> placementsOf(String caseReference) {
    return placements.findByCaseReferenceOrderById(caseReference).stream()
        .map(PlacementView::of)
        .toList();
  }

  @Transactional(readOnly = true)
  public int freePlaces(long offerId) {
    offers.findById(offerId).orElseThrow(() -> offerNotFound(offerId));
    return availability.freePlaces(offerId, clock.instant());
  }

  /**
   * Locks the hold's row until the caller's transaction ends, so that answers to one request
   * arriving at the same moment (e.g. on two nodes) run one after the other, and gives its case
   * reference; an unknown id locks nothing and gives nothing.
   */
  public Optional<String> lockHold(long holdId) {
    return holds.findByIdForUpdate(holdId).map(Hold::getCaseReference);
  }

  private Hold lockedHold(long holdId) {
    return holds.findByIdForUpdate(holdId).orElseThrow(() -> holdNotFound(holdId));
  }

  static ProblemException offerNotFound(long offerId) {
    return new ProblemException.NotFound("problem.offer.not-found", offerId);
  }

  private static ProblemException holdNotFound(long holdId) {
    return new ProblemException.NotFound("problem.hold.not-found", holdId);
  }
}
