// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/**
 * Kinds of place an offer provides; emergency categories serve the Inobhutnahme, the others
 * follow-up help.
 */
public enum Category {
  INOBHUTNAHME_GRUPPE("Inobhutnahmegruppe (Notaufnahme)", false),
  KLEINKIND_NOTAUFNAHME("Kleinkind-Notaufnahme (0–6 Jahre)", false),
  BEREITSCHAFTSPFLEGE("Bereitschaftspflegefamilie", false),
  CLEARING_UMA("Clearingplatz für unbegleitete Minderjährige", false),
  MAEDCHENSCHUTZ("Mädchenschutzstelle", false),
  JUGENDSCHUTZ_KRISENWOHNUNG("Jugendschutzstelle / Krisenwohnung", false),
  WOHNGRUPPE_34("Wohngruppe (§ 34 SGB VIII)", true),
  PFLEGEFAMILIE_33("Pflegefamilie (§ 33 SGB VIII)", true),
  EINGLIEDERUNGSHILFE_35A("Eingliederungshilfe (§ 35a SGB VIII)", true),
  MUTTER_KIND_19("Mutter-Kind-Einrichtung (§ 19 SGB VIII)", true),
  BETREUTES_WOHNEN("Betreutes Wohnen", true);

  private final String label;
  private final boolean followUp;

  Category(String label, boolean followUp) {
    this.label = label;
    this.followUp = followUp;
  }

  /** German name shown to users. */
  public String label() {
    return label;
  }

  /** Whether this is a follow-up help category (Anschlusshilfe) rather than an emergency place. */
  public boolean followUp() {
    return followUp;
  }
}
