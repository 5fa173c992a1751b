// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.network.District;
import de.ksi.statistics.Report.Cell;
import de.ksi.statistics.Report.Column;
import de.ksi.statistics.Report.Row;
import de.ksi.statistics.Report.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Turns facts into suppressed tables with the periods as rows. Every count is first computed for
 * all five offices and the network (scope index 5), so that suppression is the same whichever slice
 * a caller sees.
 */
final class TableBuilder {

  /** Scope index of the whole network; 0–4 are the offices in {@link District} order. */
  static final int NETWORK = District.values().length;

  /** Tells which columns a fact counts in. */
  interface Tally<T> {
    void into(T fact, Sink sink);
  }

  /** Receives the counts of one fact. */
  interface Sink {
    void add(int column, int amount);
  }

  private final Granularity granularity;
  private final List<LocalDate> periods;
  private final ZoneId zone;
  private final int k;
  private final int scope;

  TableBuilder(Granularity granularity, List<LocalDate> periods, ZoneId zone, int k, int scope) {
    this.granularity = granularity;
    this.periods = periods;
    this.zone = zone;
    this.k = k;
    this.scope = scope;
  }

  /**
   * A count table: periods (and their total) by the given columns (and their total if they add up).
   */
  <T> Table counts(
      String id,
      String title,
      String unit,
      List<Column> columns,
      boolean columnsAdditive,
      List<T> facts,
      Function<T, District> office,
      Function<T, Instant> time,
      Tally<T> tally) {
    Cube cube = cube(columns.size(), columnsAdditive, facts, office, time, tally);
    List<Column> shown = new ArrayList<>(columns);
    if (columnsAdditive) {
      shown.add(new Column(Report.TOTAL, "Gesamt"));
    }
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p <= periods.size(); p++) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < shown.size(); c++) {
        cells.add(cell(cube, scope, p, c));
      }
      rows.add(new Row(rowKey(p), rowLabel(p), cells));
    }
    return new Table(id, title, unit, "Zeitraum", shown, rows);
  }

  /**
   * A table of durations: per period the number of cases behind them and their median and 90 %
   * value, shown only for at least {@code k} cases; {@code value} gives a case's duration or {@code
   * null} if it has none.
   */
  <T> Table durations(
      String id,
      String title,
      String unit,
      String countLabel,
      List<T> facts,
      Function<T, District> office,
      Function<T, Instant> time,
      Function<T, Double> value,
      boolean withSum) {
    List<T> measured = facts.stream().filter(f -> value.apply(f) != null).toList();
    Cube cube = cube(1, false, measured, office, time, (f, sink) -> sink.add(0, 1));
    List<Column> columns = new ArrayList<>(List.of(new Column("ANZAHL", countLabel)));
    if (withSum) {
      columns.add(new Column("SUMME", "Summe (" + unit + ")"));
    }
    columns.add(new Column("MEDIAN", "Median (" + unit + ")"));
    columns.add(new Column("P90", "90-%-Wert (" + unit + ")"));
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p <= periods.size(); p++) {
      int period = p;
      double[] values =
          measured.stream()
              .filter(f -> scope == NETWORK || office.apply(f).ordinal() == scope)
              .filter(f -> period == periods.size() || periodOf(time.apply(f)) == period)
              .mapToDouble(f -> value.apply(f))
              .sorted()
              .toArray();
      boolean shown = !cube.hidden(scope, p, 0) && values.length >= k;
      List<Cell> cells = new ArrayList<>(List.of(cell(cube, scope, p, 0)));
      if (withSum) {
        cells.add(shown ? Cell.of(round(Arrays.stream(values).sum())) : hiddenOrEmpty(values));
      }
      cells.add(shown ? Cell.of(round(quantile(values, 0.5))) : hiddenOrEmpty(values));
      cells.add(shown ? Cell.of(round(quantile(values, 0.9))) : hiddenOrEmpty(values));
      rows.add(new Row(rowKey(p), rowLabel(p), cells));
    }
    return new Table(id, title, unit, "Zeitraum", columns, rows);
  }

  private Cell hiddenOrEmpty(double[] values) {
    return values.length == 0 ? Cell.of(null) : Cell.suppressed(k);
  }

  private <T> Cube cube(
      int columns,
      boolean columnsAdditive,
      List<T> facts,
      Function<T, District> office,
      Function<T, Instant> time,
      Tally<T> tally) {
    Cube cube =
        new Cube(
            NETWORK + 1,
            periods.size() + 1,
            columns + (columnsAdditive ? 1 : 0),
            true,
            true,
            columnsAdditive);
    for (T fact : facts) {
      int p = periodOf(time.apply(fact));
      if (p >= 0) {
        int o = office.apply(fact).ordinal();
        tally.into(fact, (column, amount) -> cube.add(o, p, column, amount));
      }
    }
    cube.suppress(k);
    return cube;
  }

  Cell cell(Cube cube, int s, int row, int column) {
    return cube.hidden(s, row, column) ? Cell.suppressed(k) : Cell.of(cube.count(s, row, column));
  }

  /** The index of the period the instant falls in, or -1 outside the range. */
  int periodOf(Instant instant) {
    LocalDate start = granularity.start(LocalDate.ofInstant(instant, zone));
    return periods.indexOf(start);
  }

  private String rowKey(int p) {
    return p == periods.size() ? Report.TOTAL : granularity.key(periods.get(p));
  }

  private String rowLabel(int p) {
    return p == periods.size() ? "Gesamt" : granularity.label(periods.get(p));
  }

  /** The {@code q}-quantile of sorted values, linearly interpolated between neighbours. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
