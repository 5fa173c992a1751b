// SPDX-License-Identifier: EUPL-1.2
/**
 * Operational metrics for Prometheus: cases by level, holds, declines, stale offers, undelivered
 * notifications.
 */
package de.ksi.monitoring;
