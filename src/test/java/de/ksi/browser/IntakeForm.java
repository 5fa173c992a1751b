// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

/**
 * The start form "Inobhutnahme aufnehmen" as the browser tests fill it: a girl in urgent danger,
 * taken into custody by the police at night in Kreis Segeberg, last name "Musterkind". The
 * estimated age is left to the caller: without a birth date the form asks for it, and a test may
 * mean to leave it out.
 */
final class IntakeForm {

  /** The name of the start form in Tasklist's "Prozess starten". */
  static final String NAME = "Inobhutnahme aufnehmen";

  private IntakeForm() {}

  static void fill(Tasklist tasklist, String firstName, String location) {
    tasklist.select("Zuständiges Jugendamt", "Kreis Segeberg");
    tasklist.tick("§ 42 Abs. 1 Nr. 2");
    tasklist.enter("Vorname", firstName);
    tasklist.enter("Nachname", "Musterkind");
    tasklist.select("Geschlecht", "weiblich");
    tasklist.enter("Sprachen", "Deutsch");
    tasklist.tick("Trauma");
    tasklist.tick("Sofort – das Kind wartet jetzt");
    tasklist.enter("Wo ist das Kind jetzt?", location);
    tasklist.enter("Schilderung", "Von der Polizei nachts in Obhut genommen.");
  }
}
