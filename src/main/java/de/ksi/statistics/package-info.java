// SPDX-License-Identifier: EUPL-1.2
/**
 * Statistics of the network: aggregates of cases, placements, requests and duties per period and
 * office, with small counts suppressed; the Cockpit page "Statistik"; and the synthetic demo year.
 *
 * <p>API: {@link MissingStaff} (place-nights lost to missing staff), {@link StatisticsProperties}
 * (the suppression limit) and {@link SyntheticYearWriting} (waits for the demo year being written
 * on start), all also used by planning; public for Camunda only: {@link StatisticsCockpitPlugin}
 * and {@link StatisticsPluginRootResource}.
 */
@ApplicationModule(displayName = "Statistics")
package de.ksi.statistics;

import org.springframework.modulith.ApplicationModule;
