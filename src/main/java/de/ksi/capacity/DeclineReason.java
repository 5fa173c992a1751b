// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/**
 * Fixed list of reasons a provider gives when declining a placement request; kept for statistics.
 */
public enum DeclineReason {
  NO_PLACE_ANYMORE("Kein Platz mehr frei"),
  PROFILE_NOT_SUITABLE("Bedarfsprofil passt nicht zum Angebot"),
  STAFF_SHORTAGE("Personalmangel / keine Aufnahme möglich"),
  GROUP_DYNAMICS("Gruppenkonstellation lässt keine Aufnahme zu"),
  CARE_NEEDS_NOT_COVERED("Besonderer Betreuungsbedarf nicht abdeckbar"),
  SAFETY_CONCERNS("Sicherheitsbedenken"),
  OTHER("Sonstiger Grund (siehe Freitext)");

  private final String label;

  DeclineReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
