// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.EscalationLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one German line at the top of the case view: where the case stands and what the process does
 * next.
 */
final class NextStep {

  static final String OPEN = "offen";

  private NextStep() {}

  static String of(
      String status,
      EscalationLevel level,
      List<CaseOverview.Request> requests,
      List<CaseHistory.OpenTask> open,
      Map<String, Instant> timers,
      CaseOverview.Placement placement,
      CaseOverview.Arrival arrival,
      Instant now) {
    if ("CLOSED".equals(status)) {
      return "Die Inobhutnahme ist beendet. Es gibt nichts mehr zu tun.";
    }
    if (placement != null) {
      return placed(placement, arrival, timers, now);
    }
    if ("PLACED".equals(status)) {
      return "Untergebracht außerhalb des Registers (telefonisch gefundener Platz oder Notmaßnahme). Als"
          + " Nächstes: "
          + "Aufgabe „Beendigung der Inobhutnahme entscheiden“.";
    }
    List<CaseOverview.Request> running =
        requests.stream().filter(r -> OPEN.equals(r.answer())).toList();
    String escalation = escalation(timers, now);
    if (!running.isEmpty()) {
      CaseOverview.Request first = running.get(0);
      String whom =
          running.size() == 1
              ? "Anfrage an " + first.provider() + " läuft"
              : running.size()
                  + " Anfragen laufen (u. a. an "
                  + first.provider()
                  + ", die erste Zusage gewinnt)";
      return whom
          + " bis "
          + Times.at(first.responseDeadline(), now)
          + " — bei Ablehnung oder Fristablauf kommt die "
          + "Aufgabe „Platz auswählen und anfragen“ mit den nächsten freien Plätzen zurück."
          + escalation;
    }
    if (has(open, CaseProcess.Elements.LEVEL2_DECISION)) {
      return "Stufe 2: Koordinierungsstelle oder Amtsleitung entscheiden jetzt eine Notmaßnahme "
          + "(Aufgabe „Notmaßnahme entscheiden (Stufe 2)“).";
    }
    if (has(open, CaseProcess.SearchElements.CHOOSE)) {
      String who =
          level == EscalationLevel.NETWORK
              ? "Die Koordinierungsstelle wählt verbundweit"
              : "Sie sind dran: Aufgabe „Platz auswählen und anfragen“ in Tasklist —";
      return who + " den nächsten Platz aus und fragt an." + escalation;
    }
    return "Die Platzsuche läuft; die nächste Aufgabe erscheint in Tasklist." + escalation;
  }

  private static String placed(
      CaseOverview.Placement placement,
      CaseOverview.Arrival arrival,
      Map<String, Instant> timers,
      Instant now) {
    String where =
        "Untergebracht bei "
            + placement.provider()
            + " (24-h-Telefon "
            + placement.phone24h()
            + "). ";
    if (arrival == null) {
      return where + "Als Nächstes: Aufgabe „Beendigung der Inobhutnahme entscheiden“.";
    }
    if (arrival.arrivedAt() != null) {
      return "Das Kind ist um "
          + Times.at(arrival.arrivedAt(), now)
          + " bei "
          + placement.provider()
          + " angekommen. Als Nächstes: Aufgabe „Beendigung der Inobhutnahme entscheiden“.";
    }
    Instant reminder = timers.get(CaseProcess.Elements.ARRIVAL_OVERDUE);
    return where
        + "Der Träger bereitet die Aufnahme vor und bestätigt die Ankunft"
        + (reminder == null
            ? "; bitte fragen Sie dort nach."
            : "; ohne Bestätigung werden Sie um " + Times.at(reminder, now) + " erinnert.");
  }

  private static String escalation(Map<String, Instant> timers, Instant now) {
    Instant district = timers.get(CaseProcess.Elements.DISTRICT_DEADLINE);
    if (district != null) {
      return " Ohne Platz bis " + Times.at(district, now) + " eskaliert der Fall an den Verbund.";
    }
    Instant network = timers.get(CaseProcess.Elements.NETWORK_DEADLINE);
    if (network != null) {
      return " Ohne Platz bis " + Times.at(network, now) + " eskaliert der Fall auf Stufe 2.";
    }
    return "";
  }

  private static boolean has(List<CaseHistory.OpenTask> open, String key) {
    return open.stream().anyMatch(t -> key.equals(t.key()));
  }
}
