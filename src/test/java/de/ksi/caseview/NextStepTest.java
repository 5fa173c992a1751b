// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.EscalationLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The German line at the top of the case view says what the process does next, in each state of a
 * case.
 */
class NextStepTest {

  private static final Instant NOW = Instant.parse("2026-12-04T01:10:00Z");
  private static final Instant DEADLINE = Instant.parse("2026-12-04T01:40:00Z");
  private static final Instant ESCALATION = Instant.parse("2026-12-04T02:10:00Z");

  @Test
  void anOpenRequestNamesTheProviderItsDeadlineWhatFollowsAndTheEscalation() {
    String next =
        NextStep.of(
            "OPEN",
            EscalationLevel.DISTRICT,
            List.of(request("Haus Linde", "offen")),
            List.of(),
            Map.of(CaseProcess.Elements.DISTRICT_DEADLINE, ESCALATION),
            null,
            null,
            NOW);

    assertThat(next)
        .isEqualTo(
            "Anfrage an Haus Linde läuft bis 02:40 — bei Ablehnung oder Fristablauf kommt die "
                + "Aufgabe „Platz auswählen und anfragen“ mit den nächsten freien Plätzen zurück. Ohne Platz bis 03:10 "
                + "eskaliert der Fall an den Verbund.");
  }

  @Test
  void afterADeclineTheCaseworkerIsToldToChooseAgain() {
    String next =
        NextStep.of(
            "OPEN",
            EscalationLevel.DISTRICT,
            List.of(request("Haus Linde", "Absage")),
            List.of(
                new CaseHistory.OpenTask(
                    CaseProcess.SearchElements.CHOOSE, "Platz auswählen und anfragen", DEADLINE)),
            Map.of(),
            null,
            null,
            NOW);

    assertThat(next).startsWith("Sie sind dran: Aufgabe „Platz auswählen und anfragen“");
  }

  @Test
  void inTheNetworkSearchTheCoordinatorsChoose() {
    String next =
        NextStep.of(
            "OPEN",
            EscalationLevel.NETWORK,
            List.of(),
            List.of(
                new CaseHistory.OpenTask(
                    CaseProcess.SearchElements.CHOOSE, "Platz auswählen und anfragen", DEADLINE)),
            Map.of(CaseProcess.Elements.NETWORK_DEADLINE, ESCALATION),
            null,
            null,
            NOW);

    assertThat(next)
        .startsWith("Die Koordinierungsstelle wählt verbundweit")
        .endsWith("eskaliert der Fall auf Stufe 2.");
  }

  @Test
  void aPlacementWaitsForTheArrivalAndThenForTheOutcome() {
    CaseOverview.Placement placement =
        new CaseOverview.Placement(
            "Haus Linde", "Inobhutnahmegruppe", "Weg 1", "04551 123", "a@b.de", NOW, null);
    CaseOverview.Arrival expected = new CaseOverview.Arrival(NOW, null, null, null, null, null);
    CaseOverview.Arrival arrived =
        new CaseOverview.Arrival(NOW, DEADLINE, "traeger-1", null, null, null);

    assertThat(
            NextStep.of(
                "PLACED",
                EscalationLevel.DISTRICT,
                List.of(),
                List.of(),
                Map.of(CaseProcess.Elements.ARRIVAL_OVERDUE, ESCALATION),
                placement,
                expected,
                NOW))
        .contains("Haus Linde", "04551 123", "bestätigt die Ankunft", "um 03:10 erinnert");
    assertThat(
            NextStep.of(
                "PLACED",
                EscalationLevel.DISTRICT,
                List.of(),
                List.of(),
                Map.of(),
                placement,
                arrived,
                NOW))
        .isEqualTo(
            "Das Kind ist um 02:40 bei Haus Linde angekommen. Als Nächstes: Aufgabe „Beendigung der "
                + "Inobhutnahme entscheiden“.");
  }

  @Test
  void aPlaceOutsideTheRegistryIsNoRunningSearch() {
    assertThat(
            NextStep.of(
                "PLACED",
                EscalationLevel.DISTRICT,
                List.of(),
                List.of(),
                Map.of(),
                null,
                null,
                NOW))
        .startsWith("Untergebracht außerhalb des Registers")
        .contains("Beendigung der Inobhutnahme entscheiden")
        .doesNotContain("Platzsuche läuft");
  }

  @Test
  void aClosedCaseHasNothingLeftToDo() {
    assertThat(
            NextStep.of(
                "CLOSED",
                EscalationLevel.DISTRICT,
                List.of(),
                List.of(),
                Map.of(),
                null,
                null,
                NOW))
        .isEqualTo("Die Inobhutnahme ist beendet. Es gibt nichts mehr zu tun.");
  }

  private static CaseOverview.Request request(String provider, String answer) {
    return new CaseOverview.Request(
        1, provider, NOW, answer, null, null, null, DEADLINE, DEADLINE.plusSeconds(300));
  }
}
