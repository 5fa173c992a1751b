// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.util.BitSet;

/**
 * A child in the simulation: where and when it arrived, whom it asked in vain, and how far its
 * search has got.
 */
final class SimulatedChild {

  final int district;
  final double arrival;
  final boolean measured;
  final BitSet refused = new BitSet();
  boolean networkWide;
  boolean asking;
  boolean done;

  SimulatedChild(int district, double arrival, boolean measured) {
    this.district = district;
    this.arrival = arrival;
    this.measured = measured;
  }
}
