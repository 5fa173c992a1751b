// SPDX-License-Identifier: EUPL-1.2
/**
 * Machine API credentials of providers' own systems: issued and revoked by coordinators, limited to
 * reporting.
 */
package de.ksi.credentials;
