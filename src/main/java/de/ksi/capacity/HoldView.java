// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Instant;

/** A hold as callers see it, with its status at the time of the answer. */
public record HoldView(
    long id,
    long offerId,
    long providerId,
    String providerGroup,
    String caseReference,
    int places,
    HoldStatus status,
    Instant createdAt,
    Instant expiresAt,
    Instant decidedAt,
    DeclineReason declineReason,
    String declineNote,
    Long placementId) {

  static HoldView of(Hold hold, Instant now, Long placementId) {
    Offer offer = hold.getOffer();
    return new HoldView(
        hold.getId(),
        offer.getId(),
        offer.getProvider().getId(),
        offer.getProvider().getGroupId(),
        hold.getCaseReference(),
        hold.getPlaces(),
        hold.statusAt(now),
        hold.getCreatedAt(),
        hold.getExpiresAt(),
        hold.getDecidedAt(),
        hold.getDeclineReason(),
        hold.getDeclineNote(),
        placementId);
  }
}
