// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

/**
 * One whole case lifecycle, driven in-process from start to end; returns the business key it ran
 * under.
 */
interface Lifecycle {

  String run(int sequence);
}
