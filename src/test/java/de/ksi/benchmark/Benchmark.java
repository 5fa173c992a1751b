// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark (docs/benchmarks.md): every part on H2 and PostgreSQL side by side, prints the
 * tables and writes the report. Run with {@code mvn -B -Pbenchmark verify}; system property {@code
 * benchmark.parts} (e.g. {@code 1,2}) runs a subset, {@code benchmark.databases} (e.g. {@code H2})
 * too, {@code benchmark.report} names the report file, {@code benchmark.history-levels} (default
 * {@code audit}, empty for none) the lower history levels part 1 also measures on PostgreSQL,
 * {@code benchmark.think-ms} (default {@code 500,5000}) the mean think times part 3 runs at, {@code
 * benchmark.rate-seconds} (default {@code 20}, {@code 0} for none) the measured seconds of each
 * step of part 3's search for the highest case rate under 200 ms p95 and of the bare engine's REST
 * start rate beside it; {@code benchmark.parts=profile} profiles part 1 instead ({@link
 * LifecycleProfile}), {@code benchmark.parts=repro} runs the engine's reproduction ({@code
 * repro.VariableCostRepro}).
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) throws IOException {
    Set<String> parts = Set.of(System.getProperty("benchmark.parts", "1,2,3,4").split(","));
    if (parts.contains("repro")) {
      de.ksi.benchmark.repro.VariableCostRepro.main(args);
      return;
    }
    if (parts.contains("profile")) {
      try {
        LifecycleProfile.run();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    Path report = Paths.get(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    long started = System.nanoTime();
    List<Table> tables = new ArrayList<>();
    LifecycleBenchmark lifecycles = new LifecycleBenchmark(Duration.ofSeconds(6), 5);
    SearchBenchmark searches = new SearchBenchmark(2_000);
    if (parts.contains("1") || parts.contains("2")) {
      for (String name : System.getProperty("benchmark.databases", "H2,POSTGRES").split(",")) {
        Database database = Database.valueOf(name);
        log("in-process application on " + database.label());
        try (InProcessApp app = InProcessApp.start(database)) {
          if (parts.contains("1")) {
            lifecycles.measure(app, database);
            log(lifecycles.rows().text());
            log(lifecycles.table().text());
          }
          if (parts.contains("2")) {
            searches.measure(app, database, lifecycles.baselineP50(database));
            log(searches.table().text());
          }
        }
      }
      if (parts.contains("1")) {
        for (String level : System.getProperty("benchmark.history-levels", "audit").split(",")) {
          Database database = Database.POSTGRES;
          if (level.isBlank()
              || !System.getProperty("benchmark.databases", "H2,POSTGRES")
                  .contains(database.name())) {
            continue;
          }
          log("lifecycles at history level " + level + " on " + database.label());
          try (InProcessApp app = InProcessApp.start(database, level.trim())) {
            lifecycles.measureAtLevel(app, database, level.trim());
          }
          log(lifecycles.levels().text());
        }
        tables.add(lifecycles.table());
        tables.add(lifecycles.elements());
        tables.add(lifecycles.rows());
        tables.add(lifecycles.levels());
      }
      if (parts.contains("2")) {
        tables.add(searches.table());
        tables.add(searches.plans());
      }
    }
    if (parts.contains("3")) {
      // the first pace is the stress test; each further one (e.g. a person's pace of 5 s) gets a
      // table 3b, 3c, ...; then the highest case rate under 200 ms p95 and the bare engine's
      // authenticated REST start rate it is measured against
      String[] paces = System.getProperty("benchmark.think-ms", "500,5000").split(",");
      Duration rateStep = Duration.ofSeconds(Long.getLong("benchmark.rate-seconds", 20));
      CaseRateSearch rates = new CaseRateSearch(loadHeading(paces.length), 50, rateStep);
      for (int i = 0; i < paces.length; i++) {
        LoadBenchmark load =
            new LoadBenchmark(
                loadHeading(i),
                50,
                Duration.ofSeconds(Long.getLong("benchmark.load-seconds", 60)),
                Long.parseLong(paces[i].trim()));
        if (i == paces.length - 1 && !rateStep.isZero()) {
          // on the last pace's application and database, right after that pace
          load.followedBy(rates);
        }
        tables.add(load.run());
      }
      if (!rateStep.isZero()) {
        String bareHeading = loadHeading(paces.length + 1);
        BareRestStarts bare = new BareRestStarts(bareHeading, rateStep);
        Table starts = bare.run();
        tables.add(rates.table(bare.startsPerSecond(), bareHeading.replace(".", "")));
        tables.add(starts);
      }
    }
    if (parts.contains("4")) {
      Set<Database> databases = EnumSet.noneOf(Database.class);
      for (String name : System.getProperty("benchmark.databases", "H2,POSTGRES").split(",")) {
        databases.add(Database.valueOf(name.trim()));
      }
      tables.add(new StartupBenchmark().run(databases));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    tables.forEach(t -> log(t.text()));
    Files.writeString(report, Report.markdown(tables, took));
    log(
        "benchmark done in "
            + took.toSeconds()
            + " s; report written to "
            + report.toAbsolutePath());
  }

  /** Part 3's tables: 3, 3b, 3c, ... */
  private static String loadHeading(int i) {
    return i == 0 ? "3." : "3" + (char) ('a' + i) + ".";
  }

  static void log(String message) {
    System.out.println(message);
  }
}
