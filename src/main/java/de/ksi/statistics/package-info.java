// SPDX-License-Identifier: EUPL-1.2
/**
 * Statistics of the network: aggregates of cases, placements, requests and duties per period and
 * office, with small counts suppressed; the Cockpit page "Statistik"; and the synthetic demo year.
 */
package de.ksi.statistics;
