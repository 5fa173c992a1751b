// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/** Says in German how old a report is, the way a caseworker would say it. */
final class Freshness {

  private Freshness() {}

  static String describe(long minutes) {
    if (minutes < 60) {
      return minutes + " Min.";
    }
    if (minutes < 48 * 60) {
      return (minutes / 60) + " Std.";
    }
    return (minutes / (24 * 60)) + " Tagen";
  }
}
