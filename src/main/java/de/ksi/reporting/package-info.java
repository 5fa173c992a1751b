// SPDX-License-Identifier: EUPL-1.2
/**
 * Reporting of free and staffed places: the Platzmeldung page for provider staff and the
 * coordinators' view of providers that have not reported and of the requests each provider gets per
 * night.
 *
 * <p>API: none for other modules; public for Camunda only: {@link ReportingCockpitPlugin} and
 * {@link ReportingPluginRootResource}.
 */
@ApplicationModule(displayName = "Platzmeldung and reporting")
package de.ksi.reporting;

import org.springframework.modulith.ApplicationModule;
