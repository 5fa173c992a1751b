// SPDX-License-Identifier: EUPL-1.2
/**
 * Reporting of free and staffed places: the Platzmeldung page for provider staff and the
 * coordinators' view of providers that have not reported and of the requests each provider gets per
 * night.
 */
package de.ksi.reporting;
