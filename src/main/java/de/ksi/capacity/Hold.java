// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.platform.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A short-lived reservation of places of an offer for one case. It expires by time alone: once
 * {@code expiresAt} has passed, it no longer counts against the offer, whether or not anyone looks.
 */
@Entity
class Hold {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Offer offer;

  private String caseReference;
  private int places;

  @Enumerated(EnumType.STRING)
  private HoldStatus status;

  private Instant createdAt;
  private String createdBy;
  private Instant expiresAt;
  private Instant decidedAt;
  private String decidedBy;

  @Enumerated(EnumType.STRING)
  private DeclineReason declineReason;

  private String declineNote;

  @Version private long version;

  protected Hold() {}

  Hold(
      Offer offer,
      String caseReference,
      int places,
      String createdBy,
      Instant now,
      Instant expiresAt) {
    this.offer = offer;
    this.caseReference = caseReference;
    this.places = places;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.status = HoldStatus.HELD;
  }

  /** The status as a user sees it at {@code now}: a held place whose time has passed is expired. */
  public HoldStatus statusAt(Instant now) {
    return status == HoldStatus.HELD && !expiresAt.isAfter(now) ? HoldStatus.EXPIRED : status;
  }

  public boolean isActiveAt(Instant now) {
    return statusAt(now) == HoldStatus.HELD;
  }

  /** The provider accepted: the hold turns into a placement. */
  Placement confirm(String by, Instant now) {
    requireActive(now, "confirmed");
    decide(HoldStatus.CONFIRMED, by, now);
    return new Placement(offer, this, caseReference, places, by, now);
  }

  /** The provider declined, with a reason from the fixed list and optional free text. */
  void decline(DeclineReason reason, String note, String by, Instant now) {
    requireActive(now, "declined");
    this.declineReason = reason;
    this.declineNote = note;
    decide(HoldStatus.DECLINED, by, now);
  }

  /**
   * The case no longer needs the place (withdrawn, placed elsewhere, closed). Releasing twice is
   * harmless.
   */
  void release(String by, Instant now) {
    HoldStatus current = statusAt(now);
    if (current == HoldStatus.RELEASED
        || current == HoldStatus.EXPIRED
        || current == HoldStatus.DECLINED) {
      return;
    }
    requireActive(now, "released");
    decide(HoldStatus.RELEASED, by, now);
  }

  /**
   * Nobody answered within the response time: the hold is recorded as expired and its place is free
   * again now, so it also ends now ({@code expiresAt}), even if it was held a little longer than
   * the response time.
   */
  void expire(String by, Instant now) {
    if (status == HoldStatus.HELD) {
      decide(HoldStatus.EXPIRED, by, now);
      if (expiresAt.isAfter(now)) {
        expiresAt = now;
      }
    }
  }

  private void requireActive(Instant now, String action) {
    HoldStatus current = statusAt(now);
    if (current != HoldStatus.HELD) {
      throw new IllegalHoldStateException(id, current, action);
    }
  }

  private void decide(HoldStatus next, String by, Instant now) {
    this.status = next;
    this.decidedBy = by;
    this.decidedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Offer getOffer() {
    return offer;
  }

  public String getCaseReference() {
    return caseReference;
  }

  public int getPlaces() {
    return places;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public DeclineReason getDeclineReason() {
    return declineReason;
  }

  public String getDeclineNote() {
    return declineNote;
  }

  /** An action that the hold's current state does not allow, e.g. confirming an expired hold. */
  public static class IllegalHoldStateException extends ProblemException.Conflict {
    IllegalHoldStateException(Long id, HoldStatus status, String action) {
      super("problem.hold.illegal-state", id, status, action);
    }
  }
}
