// SPDX-License-Identifier: EUPL-1.2
/**
 * Tasklist as the offices and providers use it: tasks named after their case, ordered by urgency.
 *
 * <p>API: none; the engine and the webapp reach it, and every type is internal.
 */
@ApplicationModule(displayName = "Tasklist")
package de.ksi.tasklist;

import org.springframework.modulith.ApplicationModule;
