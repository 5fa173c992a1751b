// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.statistics.Report.Cell;
import de.ksi.statistics.Report.Row;
import de.ksi.statistics.Report.Table;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The report as CSV for German Excel: UTF-8 with byte order mark, {@code ;} as separator, decimal
 * comma, one line per cell (table, row, column, value) so that it can be filtered and pivoted.
 */
final class StatisticsCsv {

  private static final String BOM = "\uFEFF";
  private static final String HEADER =
      "Kennzahl;Einheit;Zeile;Zeilenschlüssel;Spalte;Spaltenschlüssel;Wert;Hinweis;Jugendamt;Zeitraum;Datenbasis";

  private StatisticsCsv() {}

  static byte[] of(Report report) {
    DecimalFormat number =
        new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.GERMANY));
    String basis =
        report.synthetic().cases() > 0 ? StatisticsService.SYNTHETIC_NOTE : "echte Fälle";
    String range = report.from() + " bis " + report.to();
    StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
    for (Table table : report.tables()) {
      for (Row row : table.rows()) {
        for (int c = 0; c < table.columns().size(); c++) {
          Cell cell = row.cells().get(c);
          String value = cell.n() == null ? "" : number.format(cell.n());
          String note = cell.flag() == null ? "" : cell.flag();
          line(
              csv,
              table.title(),
              table.unit(),
              row.label(),
              row.key(),
              table.columns().get(c).label(),
              table.columns().get(c).key(),
              value,
              note,
              report.scopeLabel(),
              range,
              basis);
        }
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        csv.append(';');
      }
      csv.append(quote(fields[i]));
    }
    csv.append("\r\n");
  }

  /**
   * Quotes a field that holds a separator, quote or line break; a leading formula character is
   * defused.
   */
  static String quote(String field) {
    String value = field == null ? "" : field;
    if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.,]+")) {
      value = "'" + value;
    }
    if (value.contains(";")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
