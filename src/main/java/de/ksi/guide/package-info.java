// SPDX-License-Identifier: EUPL-1.2
/**
 * First run: the German start page, the user guide and the API reference served by the application,
 * and the Tasklist filters per role (the guided demo night is in {@code de.ksi.demo}).
 *
 * <p>API: none; it is reached over HTTP and on start-up, and every type is internal.
 */
@ApplicationModule(displayName = "Guide")
package de.ksi.guide;

import org.springframework.modulith.ApplicationModule;
