// SPDX-License-Identifier: EUPL-1.2
/**
 * Intake of a case: the child's data in our own table, the readable reference and the pseudonymised
 * profile.
 */
package de.ksi.intake;
