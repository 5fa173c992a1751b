// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Part 1: whole case lifecycles per second of our processes against the bare-engine baseline of the
 * same shape (three process instances, the same decisions, gateways, user and service tasks, timers
 * and subprocess), in the same context and database, alternating in rounds so that noise from other
 * work on the machine hits both sides alike.
 */
final class LifecycleBenchmark {

  /**
   * Lifecycles of each side before anything is counted. Ours runs more of its own code (delegates,
   * Hibernate, our queries) than the baseline, and the JIT compiles it later: run in blocks of 150
   * on H2 (2026-12-05, evening), ours took 120, 71, 49, 47 and 48 ms per lifecycle in its first
   * five blocks and 39–51 ms after, the baseline 49, 40, 34, 31, 36 and 26–35 ms. With 40 the first
   * rounds counted ours still compiling.
   */
  static final int WARM_UP = 300;

  private static final String BASELINE =
      "The baseline has our shape (src/test/resources/benchmark/baseline-*.bpmn and *.dmn): a case"
          + " process calling a duties and a search process of their own, two decision tables of"
          + " our tables' size and hit policy, the same gateways, user tasks, service tasks, timers"
          + " and multi-instance subprocess, no domain code (no-op expressions, no delegates or"
          + " listeners of ours), as variables only references and what its gateways, decisions"
          + " and timers read. BenchmarkSmokeIT holds the two to the same elements.";

  private final Duration slice;
  private final int rounds;
  private final Table table =
      new Table(
          "1. Engine overhead: whole case lifecycles per second (one thread, history full)",
          "database",
          "ours /s",
          "baseline /s",
          "ratio ours/baseline",
          "ours p50 ms",
          "baseline p50 ms",
          "target ≥ 0.8×");
  private final Table elements =
      new Table(
          "1a. What one lifecycle executes (counted from the engine's history)",
          "database",
          "process",
          "executed");
  private final Table rows =
      new Table(
          "1b. Rows a lifecycle leaves in the database (net, per lifecycle)",
          "database",
          "table",
          "ours",
          "baseline");
  private final Table levels =
      new Table(
          "1c. The same lifecycles at a lower history level (what the process owner's decision would change; not the target)",
          "database",
          "history level",
          "ours /s",
          "baseline /s",
          "ratio ours/baseline",
          "rows ours",
          "rows baseline");
  private final Map<Database, Double> baselineP50 = new EnumMap<>(Database.class);
  private int sequence;

  LifecycleBenchmark(Duration slice, int rounds) {
    this.slice = slice;
    this.rounds = rounds;
    elements.note(BASELINE);
  }

  void measure(InProcessApp app, Database database) {
    HistoryService history = app.bean(ProcessEngine.class).getHistoryService();
    Lifecycle ours = new CaseLifecycle(app);
    Lifecycle baseline = new BaselineLifecycle(app);
    ExecutedElements ourElements = ExecutedElements.of(history, ours.run(sequence++));
    ExecutedElements baseElements = ExecutedElements.of(history, baseline.run(sequence++));
    elements.row(database.label(), "ours", ourElements.describe());
    elements.row(database.label(), "baseline", baseElements.describe());
    if (ourElements.unfinished() + baseElements.unfinished() > 0) {
      throw new IllegalStateException(
          "a lifecycle did not end: ours " + ourElements + ", baseline " + baseElements);
    }
    if (!ourElements.sameShapeAs(baseElements)) {
      elements.note(
          "**"
              + database.label()
              + ": the baseline no longer executes what ours does** (ours "
              + ourElements.byType()
              + ", baseline "
              + baseElements.byType()
              + "): the ratio compares different work.");
    }
    warmUp(ours, baseline);
    rows(app, database, ours, baseline);
    rows.row(
        database.label(),
        "**process variables** (historic variable instances, all three processes; ours ≤ 25 by"
            + " decision 3)",
        ourElements.variables(),
        baseElements.variables());
    Raced raced = race(ours, baseline);
    double ratio = raced.ours().rate() / raced.baseline().rate();
    baselineP50.put(database, raced.baseline().latency.millis(50));
    table.row(
        database.label(),
        raced.ours().rate(),
        raced.baseline().rate(),
        Table.format(ratio) + "×",
        raced.ours().latency.millis(50),
        raced.baseline().latency.millis(50),
        ratio >= 0.8 ? "met" : "NOT met");
  }

  /**
   * The same comparison in an application started with another history level: rates and rows only.
   */
  void measureAtLevel(InProcessApp app, Database database, String historyLevel) {
    Lifecycle ours = new CaseLifecycle(app);
    Lifecycle baseline = new BaselineLifecycle(app);
    warmUp(ours, baseline);
    Written written = written(app, ours, baseline);
    Raced raced = race(ours, baseline);
    levels.row(
        database.label(),
        historyLevel,
        raced.ours().rate(),
        raced.baseline().rate(),
        Table.format(raced.ours().rate() / raced.baseline().rate()) + "×",
        Written.sum(written.ours()),
        Written.sum(written.baseline()));
  }

  /** Both sides' runs of one comparison. */
  private record Raced(Run ours, Run baseline) {}

  /**
   * JIT ({@link #WARM_UP}), caches, and each office's first intake, which fills its pool of free
   * case numbers (99 rows once in 100 intakes): counted in a window of ten lifecycles it would look
   * like a cost of every case.
   */
  private void warmUp(Lifecycle ours, Lifecycle baseline) {
    for (int i = 0; i < WARM_UP; i++) {
      ours.run(sequence++);
      baseline.run(sequence++);
    }
  }

  /** Both sides in turns for the configured rounds. */
  private Raced race(Lifecycle ours, Lifecycle baseline) {
    Run oursRun = new Run();
    Run baseRun = new Run();
    for (int round = 0; round < rounds; round++) {
      oursRun.add(ours, slice);
      baseRun.add(baseline, slice);
    }
    return new Raced(oursRun, baseRun);
  }

  /** Rows per lifecycle and table, ours and the baseline's. */
  private record Written(Map<String, Double> ours, Map<String, Double> baseline) {
    static double sum(Map<String, Double> rows) {
      return rows.values().stream().mapToDouble(d -> d).sum();
    }
  }

  /** Ten lifecycles of ours, then ten of the baseline, counting the rows each leaves per table. */
  private Written written(InProcessApp app, Lifecycle ours, Lifecycle baseline) {
    RowsWritten counter = new RowsWritten(app);
    int n = 10;
    var start = counter.snapshot();
    for (int i = 0; i < n; i++) {
      ours.run(sequence++);
    }
    var afterOurs = counter.snapshot();
    for (int i = 0; i < n; i++) {
      baseline.run(sequence++);
    }
    return new Written(
        RowsWritten.perLifecycle(start, afterOurs, n),
        RowsWritten.perLifecycle(afterOurs, counter.snapshot(), n));
  }

  /**
   * Rows written per lifecycle, ours next to the baseline, for the tables either side writes to.
   */
  private void rows(InProcessApp app, Database database, Lifecycle ours, Lifecycle baseline) {
    Written written = written(app, ours, baseline);
    var oursRows = written.ours();
    var baseRows = written.baseline();
    java.util.Set<String> names = new java.util.TreeSet<>(oursRows.keySet());
    names.addAll(baseRows.keySet());
    for (String table : names) {
      rows.row(
          database.label(),
          table,
          oursRows.getOrDefault(table, 0.0),
          baseRows.getOrDefault(table, 0.0));
    }
    rows.row(database.label(), "**all tables**", Written.sum(oursRows), Written.sum(baseRows));
  }

  /**
   * The bare lifecycle's p50 in ms on that database in this run, the host's yardstick for part 2
   * (decision 6); empty if part 1 did not run there.
   */
  OptionalDouble baselineP50(Database database) {
    Double p50 = baselineP50.get(database);
    return p50 == null ? OptionalDouble.empty() : OptionalDouble.of(p50);
  }

  Table rows() {
    return rows;
  }

  Table table() {
    return table;
  }

  Table elements() {
    return elements;
  }

  Table levels() {
    return levels;
  }

  /** Lifecycles run back to back for a while, summed over rounds. */
  private final class Run {
    final Latency latency = new Latency();
    long count;
    long nanos;

    void add(Lifecycle lifecycle, Duration duration) {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long now = start;
      while (now < end) {
        long before = now;
        lifecycle.run(sequence++);
        now = System.nanoTime();
        latency.record(now - before);
        count++;
      }
      nanos += now - start;
    }

    double rate() {
      return count / (nanos / 1e9);
    }
  }
}
