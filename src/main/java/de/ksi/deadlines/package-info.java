// SPDX-License-Identifier: EUPL-1.2
/**
 * Legal duties of an Inobhutnahme (§§ 42, 42a–42f SGB VIII): their deadlines and the process that
 * watches them.
 *
 * <p>API: {@link DutiesProcess}, the contract of the duties process, and {@link DutyFacts}, the
 * recorded deadlines its model reads (bean {@code dutyFacts}); the deadline rules and the delegates
 * are internal.
 */
@ApplicationModule(displayName = "Legal duties")
package de.ksi.deadlines;

import org.springframework.modulith.ApplicationModule;
