// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

/** How quickly a place is needed; the escalation deadlines per urgency come from a DMN table. */
public enum Urgency {
  IMMEDIATE("Sofort"),
  TODAY("Heute"),
  PLANNED("Planbar");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
