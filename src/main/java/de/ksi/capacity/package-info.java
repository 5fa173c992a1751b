// SPDX-License-Identifier: EUPL-1.2
/**
 * The network's capacity registry: providers, their offers, holds and placements, and the ranked
 * search.
 *
 * <p>API: the services {@link CapacityRegistry} (holds, placements, Platzmeldung), {@link
 * CapacitySearch} (ranked search, free places per district) and {@link ProviderDirectory} (master
 * data); what they take and answer: {@link ProviderData}, {@link OfferTerms}, {@link OfferFit},
 * {@link SearchCriteria}, {@link SearchResult}, {@link Candidate}, {@link OfferView}, {@link
 * HoldView}, {@link HoldStatus}, {@link PlacementView}, {@link ProviderView}, {@link
 * DistrictSummary}, {@link StaleOffer}; the values {@link Category}, {@link Gender}, {@link Need},
 * {@link DeclineReason} and {@link Night}; {@link NoPlaceFreeException}; the event {@link
 * ProviderRegistered}; {@link CapacityProperties}; and {@link ProcessOwned}, which the case process
 * implements. The entities (providers, offers, holds, placements), their repositories and the
 * controllers are internal.
 */
@ApplicationModule(displayName = "Capacity registry")
package de.ksi.capacity;

import org.springframework.modulith.ApplicationModule;
