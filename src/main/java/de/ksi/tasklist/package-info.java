// SPDX-License-Identifier: EUPL-1.2
/**
 * Tasklist as the offices and providers use it: tasks named after their case, ordered by urgency.
 */
package de.ksi.tasklist;
