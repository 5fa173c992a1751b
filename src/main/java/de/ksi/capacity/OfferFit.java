// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;

/**
 * What decides whether a child may be asked for at an offer: its terms and its provider's district
 * and state, without the free places (which take a query of their own and which a hold checks under
 * the offer's lock anyway).
 */
public record OfferFit(
    long offerId, long providerId, OfferTerms terms, District district, boolean providerActive) {}
