// SPDX-License-Identifier: EUPL-1.2
/**
 * Capacity planning: places the network needs per category (Erlang loss model, simulation), pooling
 * gain and what-ifs.
 *
 * <p>API: none for other modules; public for Camunda only: {@link PlanningCockpitPlugin} and {@link
 * PlanningPluginRootResource}.
 */
@ApplicationModule(displayName = "Capacity planning")
package de.ksi.planning;

import org.springframework.modulith.ApplicationModule;
