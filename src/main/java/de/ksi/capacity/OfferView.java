// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.intake.Need;
import java.time.Instant;
import java.util.Set;

/** An offer with its current free count and how fresh that count is. */
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
    Instant reportedAt,
    String reportedBy,
    boolean stale,
    Set<Need> meetsNeeds) {

  static OfferView of(Offer offer, int free, boolean stale) {
    Offer.OfferTerms terms = offer.terms();
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
        free,
        offer.getReportedAt(),
        offer.getReportedBy(),
        stale,
        offer.meetsNeeds());
  }
}
