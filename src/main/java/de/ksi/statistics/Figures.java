// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.Gender;
import de.ksi.intake.LegalGround;
import de.ksi.lagebild.AgeBand;
import de.ksi.statistics.Facts.CaseFact;
import de.ksi.statistics.Facts.HoldFact;
import de.ksi.statistics.Report.Column;
import de.ksi.statistics.Report.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The figures per period: what the tables count, their German titles and column names. */
final class Figures {

  static final List<String> AGE_BANDS = List.of("0–2", "3–5", "6–9", "10–13", "14–15", "16–17");
  static final List<String> LEVELS = List.of("KREIS", "VERBUND", "STUFE_2");
  static final List<String> HOLD_OUTCOMES =
      List.of("CONFIRMED", "DECLINED", "EXPIRED", "RELEASED", "HELD");

  private Figures() {}

  static List<Table> of(TableBuilder t, List<CaseFact> cases, List<HoldFact> holds, Instant now) {
    List<Category> emergency = Arrays.stream(Category.values()).filter(c -> !c.followUp()).toList();
    List<Table> tables = new ArrayList<>();
    tables.add(
        t.counts(
            "faelleNachRechtsgrundlage",
            "Fälle nach Rechtsgrundlage",
            "Fälle",
            columns(Stream.of(LegalGround.values()).map(g -> new Column(g.name(), shortLabel(g)))),
            true,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> s.add(LegalGround.valueOf(c.legalGround()).ordinal(), 1)));
    tables.add(
        t.counts(
            "faelleNachAlter",
            "Fälle nach Altersgruppe",
            "Fälle",
            columns(AGE_BANDS.stream().map(b -> new Column(b, b + " Jahre"))),
            true,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> s.add(AGE_BANDS.indexOf(AgeBand.of(c.age())), 1)));
    tables.add(
        t.counts(
            "faelleNachGeschlecht",
            "Fälle nach Geschlecht",
            "Fälle",
            columns(Stream.of(Gender.values()).map(g -> new Column(g.name(), g.label()))),
            true,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> s.add(Gender.valueOf(c.gender()).ordinal(), 1)));
    tables.add(
        t.counts(
            "faelleNachPlatzkategorie",
            "Fälle nach benötigter Platzkategorie",
            "Fälle",
            columns(
                Stream.concat(
                    emergency.stream().map(c -> new Column(c.name(), c.label())),
                    Stream.of(new Column("UNBEKANNT", "nicht erfasst")))),
            true,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> s.add(categoryColumn(emergency, c.neededCategory()), 1)));
    tables.add(
        t.counts(
            "unterbringungNachStufe",
            "Unterbringung nach Eskalationsstufe",
            "Fälle",
            List.of(
                new Column("KREIS", "im eigenen Kreis"),
                new Column("VERBUND", "im Verbund"),
                new Column("STUFE_2", "erst auf Stufe 2"),
                new Column("OHNE", "(noch) ohne Unterbringung")),
            true,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> s.add(levelColumn(c), 1)));
    tables.add(
        t.durations(
            "zeitBisUnterbringung",
            "Zeit von der Inobhutnahme bis zur Unterbringung",
            "Stunden",
            "untergebrachte Fälle",
            cases,
            CaseFact::office,
            CaseFact::start,
            c -> c.placedAt() == null ? null : hours(c.start(), c.placedAt()),
            false));
    tables.add(
        t.durations(
            "dauerInobhutnahme",
            "Dauer der Inobhutnahme (bis Übergabe oder Abschluss)",
            "Tage",
            "beendete Inobhutnahmen",
            cases,
            CaseFact::office,
            CaseFact::start,
            c -> c.end() == null ? null : hours(c.start(), c.end()) / 24,
            false));
    tables.add(
        t.durations(
            "blockierteNotplaetze",
            "Notplätze blockiert durch Warten auf Anschlusshilfe",
            "Tage",
            "wartende Kinder",
            cases,
            CaseFact::office,
            CaseFact::start,
            c -> blockedDays(c, now),
            true));
    tables.add(
        t.counts(
            "anfragenNachErgebnis",
            "Platzanfragen nach Ergebnis",
            "Anfragen",
            List.of(
                new Column("CONFIRMED", "angenommen"),
                new Column("DECLINED", "abgelehnt"),
                new Column("EXPIRED", "unbeantwortet abgelaufen"),
                new Column("RELEASED", "zurückgezogen"),
                new Column("HELD", "noch offen")),
            true,
            holds,
            HoldFact::office,
            HoldFact::caseStart,
            (h, s) -> s.add(HOLD_OUTCOMES.indexOf(h.status()), 1)));
    tables.add(
        t.counts(
            "absagenNachGrund",
            "Absagen nach Grund",
            "Absagen",
            columns(Stream.of(DeclineReason.values()).map(r -> new Column(r.name(), r.label()))),
            true,
            holds,
            HoldFact::office,
            HoldFact::caseStart,
            (h, s) -> {
              if ("DECLINED".equals(h.status())) {
                s.add(
                    DeclineReason.valueOf(h.declineReason() == null ? "OTHER" : h.declineReason())
                        .ordinal(),
                    1);
              }
            }));
    tables.add(
        t.counts(
            "absagenNachKategorie",
            "Absagen und unbeantwortete Anfragen nach Platzkategorie",
            "Anfragen",
            columns(Stream.of(Category.values()).map(c -> new Column(c.name(), c.label()))),
            true,
            holds,
            HoldFact::office,
            HoldFact::caseStart,
            (h, s) -> {
              if ("DECLINED".equals(h.status()) || "EXPIRED".equals(h.status())) {
                s.add(Category.valueOf(h.category()).ordinal(), 1);
              }
            }));
    tables.add(
        t.counts(
            "ueberschritteneFristen",
            "Überschrittene Fristen gesetzlicher Pflichten",
            "Fälle / Fristen",
            List.of(
                new Column("FAELLE", "Fälle mit überschrittener Frist"),
                new Column("FRISTEN", "überschrittene Fristen")),
            false,
            cases,
            CaseFact::office,
            CaseFact::start,
            (c, s) -> {
              if (c.overdueDuties() > 0) {
                s.add(0, 1);
                s.add(1, c.overdueDuties());
              }
            }));
    return tables;
  }

  private static List<Column> columns(Stream<Column> columns) {
    return columns.toList();
  }

  private static String shortLabel(LegalGround ground) {
    return switch (ground) {
      case NR1_SELBSTMELDUNG -> "Nr. 1 – Selbstmelder";
      case NR2_DRINGENDE_GEFAHR -> "Nr. 2 – dringende Gefahr";
      case NR3_UMA -> "Nr. 3 / § 42a – UMA";
    };
  }

  private static int categoryColumn(List<Category> emergency, String category) {
    int index = category == null ? -1 : emergency.indexOf(Category.valueOf(category));
    return index < 0 ? emergency.size() : index;
  }

  private static int levelColumn(CaseFact c) {
    if (c.placedAt() == null) {
      return LEVELS.size();
    }
    int index = LEVELS.indexOf(c.placementLevel());
    return index < 0 ? 0 : index;
  }

  /**
   * Days an emergency place waited for the follow-up help: from the decision until the place was
   * freed.
   */
  static Double blockedDays(CaseFact c, Instant now) {
    if (c.followUpNeededAt() == null || !c.placedInRegistry()) {
      return null;
    }
    Instant freed =
        c.placementEndedAt() != null ? c.placementEndedAt() : c.end() != null ? c.end() : now;
    return freed.isAfter(c.followUpNeededAt()) ? hours(c.followUpNeededAt(), freed) / 24 : null;
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / 60.0;
  }
}
