// SPDX-License-Identifier: EUPL-1.2
/**
 * The coordinators' Lagebild: free places, waiting children, overdue duties and stale reports, as
 * JSON and in Cockpit.
 *
 * <p>API: {@link AgeBand} (ages shown as bands, also in the case view, Tasklist and statistics);
 * public for Camunda only: {@link LagebildCockpitPlugin} and {@link LagebildPluginRootResource}.
 * The service and the controller are internal.
 */
@ApplicationModule(displayName = "Lagebild")
package de.ksi.lagebild;

import org.springframework.modulith.ApplicationModule;
