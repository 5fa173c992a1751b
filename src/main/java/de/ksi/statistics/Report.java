// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statistics as they leave the server: aggregates only, small counts suppressed, synthetic data
 * labelled.
 */
record Report(
    String scope,
    String scopeLabel,
    Granularity period,
    LocalDate from,
    LocalDate to,
    int minimumCount,
    Synthetic synthetic,
    Instant at,
    List<Table> tables) {

  /** Whether synthetic demo cases are counted, how many, and the label to show. */
  public record Synthetic(boolean included, int cases, String note) {}

  /**
   * One figure as a table: rows (periods, offices or providers) by columns, with totals named
   * {@code GESAMT}.
   */
  public record Table(
      String id,
      String title,
      String unit,
      String rowHeader,
      List<Column> columns,
      List<Row> rows) {}

  /** A column: stable key and German label. */
  public record Column(String key, String label) {}

  /**
   * A row: stable key (period, office or provider number), German label and one cell per column.
   */
  public record Row(String key, String label, List<Cell> cells) {}

  /**
   * A value, or {@code n: null} with {@code flag: "<5"} where fewer than the minimum count of cases
   * stand behind it (or it would give such a value away).
   */
  public record Cell(@JsonInclude(JsonInclude.Include.ALWAYS) Number n, String flag) {

    static Cell of(Number n) {
      return new Cell(n, null);
    }

    static Cell suppressed(int k) {
      return new Cell(null, "<" + k);
    }
  }

  /** The key of total rows and columns. */
  public static final String TOTAL = "GESAMT";
}
