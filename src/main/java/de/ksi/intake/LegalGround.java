// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

/** Legal ground of the Inobhutnahme under § 42 Abs. 1 SGB VIII. */
public enum LegalGround {
  NR1_SELBSTMELDUNG("§ 42 Abs. 1 Nr. 1 – das Kind bittet um Obhut (Selbstmelder)"),
  NR2_DRINGENDE_GEFAHR("§ 42 Abs. 1 Nr. 2 – dringende Gefahr für das Kindeswohl"),
  NR3_UMA("§ 42 Abs. 1 Nr. 3 / § 42a – unbegleitete ausländische Minderjährige (vorläufig)");

  private final String label;

  LegalGround(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
