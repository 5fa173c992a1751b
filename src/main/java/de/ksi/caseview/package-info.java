// SPDX-License-Identifier: EUPL-1.2
/**
 * The case view for the responsible office ({@code /faelle/{reference}}, {@code
 * /api/cases/{reference}/overview}) and the accepting provider's arrival page ({@code
 * /aufnahme/{reference}}): read-only, from our tables bound to the case.
 *
 * <p>API: none; it is reached over HTTP only, and every type is internal.
 */
@ApplicationModule(displayName = "Case view")
package de.ksi.caseview;

import org.springframework.modulith.ApplicationModule;
