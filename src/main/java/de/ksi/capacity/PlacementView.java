// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Instant;

/** A placement (Belegung) as callers see it. */
public record PlacementView(
    long id,
    long offerId,
    long providerId,
    String providerName,
    String caseReference,
    int places,
    Instant startedAt,
    Instant endedAt,
    String endReason,
    Long holdId,
    Instant plannedEndAt,
    String plannedEndReason) {

  static PlacementView of(Placement placement) {
    Offer offer = placement.getOffer();
    return new PlacementView(
        placement.getId(),
        offer.getId(),
        offer.getProvider().getId(),
        offer.getProvider().getName(),
        placement.getCaseReference(),
        placement.getPlaces(),
        placement.getStartedAt(),
        placement.getEndedAt(),
        placement.getEndReason(),
        placement.getHold() == null ? null : placement.getHold().getId(),
        placement.getPlannedEndAt(),
        placement.getPlannedEndReason());
  }
}
