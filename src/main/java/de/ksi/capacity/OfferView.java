// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Instant;
import java.util.Set;

/**
 * An offer with its current free count and how fresh that count is.
 *
 * @param free the places free now: the smaller of licensed, free as reported and corrected, and
 *     staffed − taken
 * @param freeWithoutStaff the places free now had the staffed places limited nothing (what the
 *     house has free)
 * @param staffed places the provider can staff in the running night; null when not reported for it
 *     (counts as licensed)
 * @param staffedReportedAt when the staffed places were reported; null with {@code staffed}
 * @param staffedUntil when the night shift the staffed places were reported for ends; null with
 *     {@code staffed}
 */
public record OfferView(
    long id,
    long providerId,
    Category category,
    String categoryLabel,
    int minAge,
    int maxAge,
    Set<Gender> genders,
    int maxSiblings,
    int licensed,
    int reportedFree,
    int free,
    int freeWithoutStaff,
    Instant reportedAt,
    String reportedBy,
    boolean stale,
    Integer staffed,
    Instant staffedReportedAt,
    Instant staffedUntil,
    Set<Need> meetsNeeds) {

  static OfferView of(Offer offer, Availability.FreeCount free, boolean stale, Instant now) {
    Integer staffed = offer.staffedAt(now);
    OfferTerms terms = offer.terms();
    return new OfferView(
        offer.getId(),
        offer.getProvider().getId(),
        terms.category(),
        terms.category().label(),
        terms.minAge(),
        terms.maxAge(),
        terms.genders(),
        terms.maxSiblings(),
        terms.licensed(),
        offer.getReportedFree(),
        free.free(),
        free.withoutStaff(),
        offer.getReportedAt(),
        offer.getReportedBy(),
        stale,
        staffed,
        staffed == null ? null : offer.getReportedAt(),
        staffed == null ? null : Night.of(offer.getReportedAt()).end(),
        offer.meetsNeeds());
  }
}
