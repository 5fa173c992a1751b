// SPDX-License-Identifier: EUPL-1.2
/**
 * Machine API credentials of providers' own systems: issued and revoked by coordinators, limited to
 * reporting.
 *
 * <p>API: {@link MachineCredentials}, which the security configuration asks to authenticate a
 * bearer token; the filter and the controller are internal.
 */
@ApplicationModule(displayName = "Machine credentials")
package de.ksi.credentials;

import org.springframework.modulith.ApplicationModule;
