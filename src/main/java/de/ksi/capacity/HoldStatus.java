// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/**
 * The state of a hold, as stored; {@code Hold.statusAt(Instant)} and {@link HoldView} add {@code
 * EXPIRED} for holds whose time has run out.
 */
public enum HoldStatus {
  HELD,
  CONFIRMED,
  DECLINED,
  RELEASED,
  EXPIRED
}
