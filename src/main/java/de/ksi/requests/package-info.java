// SPDX-License-Identifier: EUPL-1.2
/**
 * Rules that keep placement requests fair to providers: a cap on parallel requests and only offers
 * that fit.
 *
 * <p>API: {@link RequestRules}, which the place search asks before any hold; its settings are
 * internal.
 */
@ApplicationModule(displayName = "Request rules")
package de.ksi.requests;

import org.springframework.modulith.ApplicationModule;
