// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.network.District;
import de.ksi.statistics.Facts.CaseFact;
import de.ksi.statistics.Facts.HoldFact;
import de.ksi.statistics.Report.Cell;
import de.ksi.statistics.Report.Column;
import de.ksi.statistics.Report.Row;
import de.ksi.statistics.Report.Table;
import java.util.ArrayList;
import java.util.List;

/** Figures over the whole range: which office placed where, and refusals per provider. */
final class RangeTables {

  private RangeTables() {}

  /**
   * Rows: the office that took the child into care; columns: the district of the provider that took
   * the child in, or outside the registry. An office sees only its own row.
   */
  static Table crossDistrict(List<CaseFact> cases, int k, int scope) {
    District[] districts = District.values();
    Cube cube = new Cube(1, districts.length + 1, districts.length + 2, false, true, true);
    for (CaseFact c : cases) {
      if (c.placedAt() != null) {
        cube.add(
            0,
            c.office().ordinal(),
            c.placedDistrict() == null ? districts.length : c.placedDistrict().ordinal(),
            1);
      }
    }
    cube.suppress(k);
    List<Column> columns = new ArrayList<>();
    for (District d : districts) {
      columns.add(new Column(d.name(), d.label()));
    }
    columns.add(new Column("AUSSERHALB", "außerhalb des Registers"));
    columns.add(new Column(Report.TOTAL, "Gesamt"));
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r <= districts.length; r++) {
      if (scope != TableBuilder.NETWORK && r != scope) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        cells.add(cube.hidden(0, r, c) ? Cell.suppressed(k) : Cell.of(cube.count(0, r, c)));
      }
      rows.add(
          r == districts.length
              ? new Row(Report.TOTAL, "Gesamt", cells)
              : new Row(districts[r].name(), districts[r].label(), cells));
    }
    return new Table(
        "kreisuebergreifend",
        "Unterbringungen: welches Jugendamt brachte in welchem Kreis unter",
        "Fälle",
        "Jugendamt",
        columns,
        rows);
  }

  /** Declined and unanswered requests per provider, for the cases of the scope. */
  static Table refusalsByProvider(List<HoldFact> holds, int k, int scope) {
    List<String> providers =
        holds.stream()
            .filter(RangeTables::refusal)
            .map(HoldFact::provider)
            .distinct()
            .sorted()
            .toList();
    Cube cube = new Cube(TableBuilder.NETWORK + 1, providers.size() + 1, 3, true, true, true);
    for (HoldFact h : holds) {
      if (refusal(h)) {
        cube.add(
            h.office().ordinal(),
            providers.indexOf(h.provider()),
            "DECLINED".equals(h.status()) ? 0 : 1,
            1);
      }
    }
    cube.suppress(k);
    List<Column> columns =
        List.of(
            new Column("DECLINED", "abgelehnt"),
            new Column("EXPIRED", "unbeantwortet"),
            new Column(Report.TOTAL, "Gesamt"));
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p <= providers.size(); p++) {
      if (p < providers.size() && cube.count(scope, p, 2) == 0) {
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        cells.add(cube.hidden(scope, p, c) ? Cell.suppressed(k) : Cell.of(cube.count(scope, p, c)));
      }
      rows.add(
          p == providers.size()
              ? new Row(Report.TOTAL, "Gesamt", cells)
              : new Row("T" + (p + 1), providers.get(p), cells));
    }
    return new Table(
        "absagenNachTraeger",
        "Absagen und unbeantwortete Anfragen nach Träger",
        "Anfragen",
        "Träger",
        columns,
        rows);
  }

  private static boolean refusal(HoldFact h) {
    return "DECLINED".equals(h.status()) || "EXPIRED".equals(h.status());
  }
}
