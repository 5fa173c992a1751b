// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.statistics.Report.Cell;
import de.ksi.statistics.Report.Column;
import de.ksi.statistics.Report.Row;
import de.ksi.statistics.Report.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV opens in German Excel: BOM, semicolons, German headers, decimal comma, suppressed cells
 * marked.
 */
class StatisticsCsvTest {

  @Test
  void writesOneLinePerCellWithGermanHeadersAndTheSuppressionMark() {
    Table table =
        new Table(
            "t",
            "Fälle; nach Grund",
            "Fälle",
            "Zeitraum",
            List.of(new Column("A", "Nr. 1"), new Column("B", "Median (Stunden)")),
            List.of(new Row("2026-03", "März 2026", List.of(Cell.suppressed(5), Cell.of(2.5)))));
    Report report =
        new Report(
            "SEGEBERG",
            "Kreis Segeberg",
            Granularity.MONTH,
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            5,
            new Report.Synthetic(true, 3, StatisticsService.SYNTHETIC_NOTE),
            Instant.now(),
            List.of(table));

    byte[] bytes = StatisticsCsv.of(report);
    String csv = new String(bytes, StandardCharsets.UTF_8);

    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    List<String> lines = csv.substring(1).lines().toList();
    assertThat(lines.get(0)).startsWith("Kennzahl;Einheit;Zeile;");
    assertThat(lines.get(1))
        .isEqualTo(
            "\"Fälle; nach Grund\";Fälle;März 2026;2026-03;Nr. 1;A;;<5;Kreis Segeberg;2026-03-01 bis 2026-03-31;"
                + "enthält synthetische Demo-Daten");
    assertThat(lines.get(2)).contains(";2,5;;");
  }

  @Test
  void formulaLikeTextIsDefused() {
    assertThat(StatisticsCsv.quote("=SUMME(A1)")).isEqualTo("'=SUMME(A1)");
    assertThat(StatisticsCsv.quote("-3")).isEqualTo("-3");
  }
}
