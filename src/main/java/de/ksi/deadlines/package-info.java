// SPDX-License-Identifier: EUPL-1.2
/**
 * Legal duties of an Inobhutnahme (§§ 42, 42a–42f SGB VIII): their deadlines and the process that
 * watches them.
 */
package de.ksi.deadlines;
