// SPDX-License-Identifier: EUPL-1.2
/**
 * Operational metrics for Prometheus: cases by level, holds, declines, stale offers, undelivered
 * notifications.
 *
 * <p>API: none; Micrometer reads it, and every type is internal.
 */
@ApplicationModule(displayName = "Monitoring")
package de.ksi.monitoring;

import org.springframework.modulith.ApplicationModule;
