// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.time.Instant;

/**
 * An offer whose last Platzmeldung is older than the freshness limit: its provider should report
 * again.
 */
public record StaleOffer(
    long offerId,
    long providerId,
    String providerName,
    String providerGroup,
    District district,
    Category category,
    String categoryLabel,
    Instant reportedAt,
    long ageMinutes) {}
