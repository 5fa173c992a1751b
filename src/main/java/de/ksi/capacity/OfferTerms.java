// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.Set;

/** What an offer provides: category, ages, genders, sibling group size and licensed places. */
public record OfferTerms(
    Category category,
    int minAge,
    int maxAge,
    Set<Gender> genders,
    int maxSiblings,
    int licensed) {}
