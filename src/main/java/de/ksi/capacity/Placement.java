// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.platform.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/** A case occupying places of an offer (Belegung) from {@code startedAt} until it ends. */
@Entity
class Placement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Offer offer;

  @OneToOne(fetch = FetchType.LAZY)
  private Hold hold;

  private String caseReference;
  private int places;
  private Instant startedAt;
  private Instant endedAt;
  private String endReason;
  private Instant plannedEndAt;
  private String plannedEndReason;
  private String createdBy;

  @Version private long version;

  protected Placement() {}

  /** A place found by phone or at level 2: occupied without a preceding hold. */
  static Placement direct(
      Offer offer, String caseReference, int places, String createdBy, Instant now) {
    return new Placement(offer, null, caseReference, places, createdBy, now);
  }

  Placement(
      Offer offer, Hold hold, String caseReference, int places, String createdBy, Instant now) {
    this.offer = offer;
    this.hold = hold;
    this.caseReference = caseReference;
    this.places = places;
    this.createdBy = createdBy;
    this.startedAt = now;
  }

  /**
   * The child left the place (handover, return home, other end); ending twice is harmless.
   *
   * @return whether the placement ended now (false: it had ended before)
   */
  boolean end(String reason, Instant now) {
    if (endedAt != null) {
      return false;
    }
    this.endedAt = now;
    this.endReason = reason;
    return true;
  }

  /**
   * The caseworker expects the placement to end at {@code at} (a vacancy ahead); null clears it.
   * The place stays taken until the placement really ends.
   */
  void planEnd(Instant at, String reason) {
    if (endedAt != null) {
      throw new ProblemException.Conflict("problem.placement.ended", id);
    }
    this.plannedEndAt = at;
    this.plannedEndReason = at == null ? null : reason;
  }

  public Instant getPlannedEndAt() {
    return plannedEndAt;
  }

  public String getPlannedEndReason() {
    return plannedEndReason;
  }

  public boolean isActive() {
    return endedAt == null;
  }

  public Long getId() {
    return id;
  }

  public Offer getOffer() {
    return offer;
  }

  public Hold getHold() {
    return hold;
  }

  public String getCaseReference() {
    return caseReference;
  }

  public int getPlaces() {
    return places;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getEndReason() {
    return endReason;
  }
}
