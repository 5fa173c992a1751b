// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/** Why a placement is expected to end (German labels for users). */
enum PlannedEndReason {
  FOLLOW_UP_HELP("Wechsel in Folgehilfe"),
  RETURN_HOME("Rückkehr nach Hause"),
  FOSTER_FAMILY("Wechsel in eine Pflegefamilie"),
  OTHER("Anderer Grund");

  private final String label;

  PlannedEndReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
