// SPDX-License-Identifier: EUPL-1.2
/**
 * Statistics of the network: aggregates of cases, placements, requests and duties per period and
 * office, with small counts suppressed; the Cockpit page "Statistik"; and the synthetic demo year.
 *
 * <p>API: {@link MissingStaff} (place-nights lost to missing staff) and {@link
 * StatisticsProperties} (the suppression limit), both also used by planning; public for Camunda
 * only: {@link StatisticsCockpitPlugin} and {@link StatisticsPluginRootResource}.
 */
@ApplicationModule(displayName = "Statistics")
package de.ksi.statistics;

import org.springframework.modulith.ApplicationModule;
