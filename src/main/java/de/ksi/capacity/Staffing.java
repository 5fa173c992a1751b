// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.capacity.Availability.OfferRow;
import de.ksi.capacity.ExpectedReleases.Ahead;

/**
 * How a candidate's free places read for caseworkers (German): staff limits and places expected
 * free.
 */
final class Staffing {

  private Staffing() {}

  /**
   * "2 freie Plätze von 4", or where staff limits them "3 frei, aber nur 1 besetzbar (Personal
   * heute Nacht) von 4".
   */
  static String describe(OfferRow row) {
    if (row.freeWithoutStaff() > row.free()) {
      return row.freeWithoutStaff()
          + " frei, aber nur "
          + row.free()
          + " besetzbar (Personal heute Nacht: "
          + row.staffed()
          + " Plätze) von "
          + row.licensed();
    }
    return row.free()
        + (row.free() == 1 ? " freier Platz" : " freie Plätze")
        + " von "
        + row.licensed();
  }

  /** "Voraussichtlich frei (geplantes Ende, nicht jetzt frei): 1 in 24 Std., 2 in 7 Tagen". */
  static String describeAhead(Ahead ahead) {
    return "Voraussichtlich frei (geplantes Ende, jetzt nicht frei): "
        + ahead.soon()
        + " in 24 Std., "
        + ahead.week()
        + " in 7 Tagen";
  }
}
