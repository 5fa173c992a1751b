// SPDX-License-Identifier: EUPL-1.2
/**
 * The Inobhutnahme case process: its contract, delegates and the glue between BPMN and the
 * registry.
 *
 * <p>API: {@link CaseProcess} (the process contract other modules read), {@link CaseIntake}
 * (registers a case and starts its process), {@link ProviderRequests} (a provider's answer to a
 * request), {@link Arrivals} (a placed child's arrival), {@link SearchFacts} (what the search model
 * reads about its search, bean {@code searchFacts}) and {@link SearchCandidates} (the places a
 * running search offered, for the case view). The delegates, the lifecycle, the place search and
 * the controllers are internal.
 */
@ApplicationModule(displayName = "Case process")
package de.ksi.caseprocess;

import org.springframework.modulith.ApplicationModule;
