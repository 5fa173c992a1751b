// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the webapps show when the engine refuses something: German, without the engine's wrapping or
 * our codes.
 */
class WebappErrorTextsTest {

  @Test
  void theStartFormErrorLosesTheEnginesWrapping() {
    assertThat(
            WebappErrorTexts.german(
                "Cannot instantiate process definition inobhutnahme:1:3717182f-eef3-11f1-b9a3-02fc00000001:"
                    + " Bitte die Aufnahme prüfen – Alter: Bitte ein Geburtsdatum oder ein geschätztes Alter angeben."))
        .isEqualTo(
            "Bitte die Aufnahme prüfen – Alter: Bitte ein Geburtsdatum oder ein geschätztes Alter angeben.");
    assertThat(
            WebappErrorTexts.german(
                "Cannot submit task form 4711-abc: Bitte prüfen – Wie soll es weitergehen?: fehlt"))
        .isEqualTo("Bitte prüfen – Wie soll es weitergehen?: fehlt");
  }

  @Test
  void ourProblemCodesBecomeTheirGermanText() {
    assertThat(WebappErrorTexts.german("problem.offer.not-found [9999]"))
        .isEqualTo("Das Platzangebot 9999 gibt es nicht.");
    assertThat(
            WebappErrorTexts.german(
                "Cannot submit task form 1: problem.hold.illegal-state [12, CONFIRMED]"))
        .isEqualTo(
            "Die Reservierung 12 hat den Status CONFIRMED; diese Aktion ist nicht mehr möglich.");
    assertThat(WebappErrorTexts.german("problem.task.gone"))
        .startsWith("Diese Aufgabe gibt es nicht mehr");
    assertThat(WebappErrorTexts.german("problem.unknown-code [1]"))
        .isEqualTo("problem.unknown-code [1]");
  }

  @Test
  void commonEngineRefusalsAreSaidInGerman() {
    assertThat(
            WebappErrorTexts.german(
                "Cannot claim task 42: Task '42' is already claimed by someone else."))
        .startsWith("Diese Aufgabe hat inzwischen jemand anderes übernommen");
    assertThat(
            WebappErrorTexts.german(
                "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by"
                    + " another transaction concurrently."))
        .startsWith("Jemand hat dies gerade gleichzeitig geändert");
    assertThat(
            WebappErrorTexts.german(
                "The user with id 'fk-seg-1' does not have one of the following permissions: 'TASK_WORK'"))
        .startsWith("Dafür fehlt Ihnen die Berechtigung");
    assertThat(WebappErrorTexts.german("Something else entirely"))
        .isEqualTo("Something else entirely");
  }
}
