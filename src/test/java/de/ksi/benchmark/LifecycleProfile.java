// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where part 1's time goes: our lifecycle and the same-shape baseline, each run alone for a while
 * under a JFR recording (settings "profile"), and each run twenty times with every SQL statement
 * counted ({@link SqlCounter}). Prints, per lifecycle, ms by who spends them (our classes, or the
 * engine by phase), the hottest methods, and statements by origin and table. Not a test and not
 * part of the report: {@code mvn -o -B -Pbenchmark verify -Dbenchmark.parts=profile
 * -Dbenchmark.jvm-args=-XX:FlightRecorderOptions:stackdepth=1024}; {@code benchmark.databases} as
 * for the benchmark, {@code profile.seconds} (default 20) per side, {@code profile.sql=false}
 * without the counting data source; the recordings stay in {@code target/profile/} for JDK Mission
 * Control or {@code jfr print}.
 */
final class LifecycleProfile {

  private static final int WARM_UP = LifecycleBenchmark.WARM_UP;
  private static final int COUNTED = 20;

  private LifecycleProfile() {}

  /**
   * Reads the recordings of an earlier run again: {@code DATABASE oursLifecycles oursMsEach
   * baselineLifecycles baselineMsEach}, as the run printed them.
   */
  public static void main(String[] args) throws IOException {
    Database database = Database.valueOf(args[0]);
    Path out = Path.of("target/profile");
    print(
        database,
        Profiled.of(
            out.resolve("ours-" + database.name() + ".jfr"),
            Long.parseLong(args[1]),
            (long) (Long.parseLong(args[1]) * Double.parseDouble(args[2]) * 1e6)),
        Profiled.of(
            out.resolve("baseline-" + database.name() + ".jfr"),
            Long.parseLong(args[3]),
            (long) (Long.parseLong(args[3]) * Double.parseDouble(args[4]) * 1e6)));
  }

  static void run() throws Exception {
    Path out = Path.of("target/profile");
    Files.createDirectories(out);
    long seconds = Long.getLong("profile.seconds", 20);
    // JFR instruments JDK classes when the first recording starts, which throws away compiled code:
    // started after the warm-up it would make whichever side runs first look slow
    try (Recording whole = new Recording(Configuration.getConfiguration("default"))) {
      whole.setToDisk(false);
      whole.start();
      run(out, seconds);
    }
  }

  private static void run(Path out, long seconds) throws Exception {
    for (String name : System.getProperty("benchmark.databases", "H2,POSTGRES").split(",")) {
      Database database = Database.valueOf(name.trim());
      boolean counting = Boolean.parseBoolean(System.getProperty("profile.sql", "true"));
      SqlCounter sql = new SqlCounter();
      try (InProcessApp app =
          counting
              ? InProcessApp.start(database, "full", sql)
              : InProcessApp.start(database, "full")) {
        Lifecycle ours = new CaseLifecycle(app);
        Lifecycle baseline = new BaselineLifecycle(app);
        int sequence = 1_000;
        for (int i = 0; i < WARM_UP; i++) {
          ours.run(sequence++);
          baseline.run(sequence++);
        }
        if (counting) {
          sequence = countSql(database, sql, ours, baseline, sequence);
        }
        // the same without a recording, in turns, as the benchmark measures
        long[] plain = new long[4];
        for (int round = 0; round < 2; round++) {
          for (int side = 0; side < 2; side++) {
            Lifecycle lifecycle = side == 0 ? ours : baseline;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(Math.max(2, seconds / 4)).toNanos();
            while (System.nanoTime() < end) {
              lifecycle.run(sequence++);
              plain[side * 2]++;
            }
            plain[side * 2 + 1] += System.nanoTime() - start;
          }
        }
        log("");
        log(
            "## Timed in turns, outside the profile recordings (JFR default settings in the background), "
                + database.label()
                + ": ours "
                + fmt(plain[1] / 1e6 / plain[0])
                + " ms per lifecycle, baseline "
                + fmt(plain[3] / 1e6 / plain[2])
                + " ms (ratio of rates "
                + fmt((plain[3] / (double) plain[2]) / (plain[1] / (double) plain[0]))
                + "×)");
        Map<String, Profiled> profiles = new HashMap<>();
        for (var side : List.of(Map.entry("ours", ours), Map.entry("baseline", baseline))) {
          Path file = out.resolve(side.getKey() + "-" + database.name() + ".jfr");
          long lifecycles = 0;
          long nanos;
          try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
              side.getValue().run(sequence++);
              lifecycles++;
            }
            nanos = System.nanoTime() - start;
            recording.stop();
            recording.dump(file);
          }
          profiles.put(side.getKey(), Profiled.of(file, lifecycles, nanos));
        }
        print(database, profiles.get("ours"), profiles.get("baseline"));
      }
    }
  }

  /** Twenty lifecycles of each side with every statement counted; prints the counts. */
  private static int countSql(
      Database database, SqlCounter sql, Lifecycle ours, Lifecycle baseline, int sequence) {
    sql.drain();
    sql.on();
    long t0 = System.nanoTime();
    for (int i = 0; i < COUNTED; i++) {
      ours.run(sequence++);
    }
    long t1 = System.nanoTime();
    var oursCounts = sql.drain();
    long oursCommits = sql.drainCommits();
    for (int i = 0; i < COUNTED; i++) {
      baseline.run(sequence++);
    }
    long t2 = System.nanoTime();
    var baseCounts = sql.drain();
    long baseCommits = sql.drainCommits();
    sql.off();
    log("");
    log("## SQL per lifecycle, " + database.label() + " (" + COUNTED + " lifecycles each)");
    log(
        "ms per lifecycle while counting: ours "
            + fmt((t1 - t0) / 1e6 / COUNTED)
            + ", baseline "
            + fmt((t2 - t1) / 1e6 / COUNTED));
    log(
        "commits per lifecycle: ours "
            + fmt(oursCommits / (double) COUNTED)
            + ", baseline "
            + fmt(baseCommits / (double) COUNTED));
    summary("by origin", oursCounts, baseCounts, k -> k.origin());
    summary(
        "by statement kind and table",
        oursCounts,
        baseCounts,
        k -> k.sql().split(" ")[0].toUpperCase() + " " + SqlCounter.table(k.sql()).orElse("?"));
    summary("by statement (top 60 by count)", oursCounts, baseCounts, k -> k.sql(), 60);
    summary(
        "by origin and statement (ours, top 60)",
        oursCounts,
        Map.of(),
        k -> k.origin() + " | " + k.sql(),
        60);
    return sequence;
  }

  private static void summary(
      String title,
      Map<SqlCounter.Key, SqlCounter.Count> ours,
      Map<SqlCounter.Key, SqlCounter.Count> base,
      java.util.function.Function<SqlCounter.Key, String> group) {
    summary(title, ours, base, group, Integer.MAX_VALUE);
  }

  private static void summary(
      String title,
      Map<SqlCounter.Key, SqlCounter.Count> ours,
      Map<SqlCounter.Key, SqlCounter.Count> base,
      java.util.function.Function<SqlCounter.Key, String> group,
      int limit) {
    Map<String, double[]> rows = new TreeMap<>();
    ours.forEach(
        (k, c) -> {
          double[] r = rows.computeIfAbsent(group.apply(k), x -> new double[6]);
          r[0] += c.executions;
          r[1] += c.prepares;
          r[2] += (c.nanos + c.prepareNanos) / 1e6;
        });
    base.forEach(
        (k, c) -> {
          double[] r = rows.computeIfAbsent(group.apply(k), x -> new double[6]);
          r[3] += c.executions;
          r[4] += c.prepares;
          r[5] += (c.nanos + c.prepareNanos) / 1e6;
        });
    log("");
    log("### " + title);
    log(
        "| | ours executions | ours prepares | ours JDBC ms (prepare + execute) | baseline"
            + " executions | baseline prepares | baseline JDBC ms |");
    log("| --- | --- | --- | --- | --- | --- | --- |");
    double[] total = new double[6];
    rows.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> -(e.getValue()[0] + e.getValue()[3])))
        .limit(limit)
        .forEach(
            e -> {
              double[] r = e.getValue();
              log(
                  "| `"
                      + e.getKey().replace("|", "\\|")
                      + "` | "
                      + fmt(r[0] / COUNTED)
                      + " | "
                      + fmt(r[1] / COUNTED)
                      + " | "
                      + fmt(r[2] / COUNTED)
                      + " | "
                      + fmt(r[3] / COUNTED)
                      + " | "
                      + fmt(r[4] / COUNTED)
                      + " | "
                      + fmt(r[5] / COUNTED)
                      + " |");
            });
    rows.values()
        .forEach(
            r -> {
              for (int i = 0; i < 6; i++) {
                total[i] += r[i];
              }
            });
    log(
        "| **all** | "
            + fmt(total[0] / COUNTED)
            + " | "
            + fmt(total[1] / COUNTED)
            + " | "
            + fmt(total[2] / COUNTED)
            + " | "
            + fmt(total[3] / COUNTED)
            + " | "
            + fmt(total[4] / COUNTED)
            + " | "
            + fmt(total[5] / COUNTED)
            + " |");
  }

  /** One side's recording, reduced to weights (sampling period in ms) per category and method. */
  private record Profiled(
      long lifecycles,
      long nanos,
      double total,
      Map<String, Double> categories,
      Map<String, Double> self,
      Map<String, Double> inclusive,
      double gcPauseMs) {

    double msPerLifecycle() {
      return nanos / 1e6 / lifecycles;
    }

    /** A weight as ms per lifecycle: its share of the main thread's samples times the wall time. */
    double ms(double weight) {
      return weight / total * msPerLifecycle();
    }

    static Profiled of(Path file, long lifecycles, long nanos) throws IOException {
      Map<String, Double> categories = new HashMap<>();
      Map<String, Double> self = new HashMap<>();
      Map<String, Double> inclusive = new HashMap<>();
      double total = 0;
      double gc = 0;
      // a dump holds whole chunks, and the background recording keeps chunks open, so the file also
      // holds what ran before this side's recording started: only the side's own window counts
      List<RecordedEvent> events = RecordingFile.readAllEvents(file);
      java.time.Instant last =
          events.stream()
              .map(RecordedEvent::getStartTime)
              .max(java.time.Instant::compareTo)
              .orElse(java.time.Instant.EPOCH);
      java.time.Instant first = last.minusNanos(nanos);
      for (RecordedEvent event : events) {
        if (event.getStartTime().isBefore(first)) {
          continue;
        }
        String type = event.getEventType().getName();
        if (type.equals("jdk.GarbageCollection")) {
          gc += event.getDuration("sumOfPauses").toNanos() / 1e6;
          continue;
        }
        double weight;
        if (type.equals("jdk.ExecutionSample")) {
          weight = 10;
        } else if (type.equals("jdk.NativeMethodSample")) {
          weight = 20;
        } else {
          continue;
        }
        var thread = event.getThread("sampledThread");
        if (thread == null || !"main".equals(thread.getJavaName())) {
          continue;
        }
        if (event.getStackTrace() == null) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : event.getStackTrace().getFrames()) {
          frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        total += weight;
        categories.merge(category(frames), weight, Double::sum);
        if (!frames.isEmpty()) {
          self.merge(frames.get(0), weight, Double::sum);
        }
        Set<String> seen = new HashSet<>();
        for (String f : frames) {
          if (seen.add(f)) {
            inclusive.merge(f, weight, Double::sum);
          }
        }
      }
      return new Profiled(lifecycles, nanos, total, categories, self, inclusive, gc);
    }
  }

  /**
   * Who spends a sample: the innermost of our classes, unless the engine's command executor comes
   * first from the leaf (then the engine, by phase, naming the class of ours whose engine call it
   * serves, if any).
   */
  static String category(List<String> frames) {
    String engineVia = null;
    boolean inEngine = false;
    for (String f : frames) {
      if (f.startsWith("de.ksi.") && !f.startsWith("de.ksi.benchmark.")) {
        if (!inEngine) {
          return "ours: " + SqlCounter.shortName(f) + " (" + ownPhase(frames) + ")";
        }
        if (engineVia == null && !f.startsWith("de.ksi.enginetuning.EngineInterceptors")) {
          engineVia = SqlCounter.shortName(f);
        }
      }
      if (f.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl")
          || f.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext")
          || f.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor")
          || f.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandContext.close")) {
        inEngine = true;
      }
    }
    if (!inEngine) {
      return "outside commands: " + phaseOutside(frames);
    }
    return "engine: " + enginePhase(frames);
  }

  private static String ownPhase(List<String> frames) {
    for (String f : frames) {
      if (f.startsWith("org.h2.") || f.startsWith("org.postgresql.")) {
        return "database";
      }
      if (f.startsWith("org.hibernate.")) {
        return "Hibernate";
      }
      if (f.startsWith("org.springframework.jdbc.")) {
        return "JdbcTemplate";
      }
      if (f.startsWith("org.camunda.bpm.engine.")) {
        return "engine API";
      }
      if (f.startsWith("de.ksi.")) {
        return "own code";
      }
    }
    return "own code";
  }

  private static String phaseOutside(List<String> frames) {
    for (String f : frames) {
      if (f.contains("TransactionManager") || f.contains("TransactionInterceptor")) {
        return "Spring transaction (commit)";
      }
      if (f.startsWith("de.ksi.benchmark.")) {
        return SqlCounter.shortName(f);
      }
    }
    return frames.isEmpty() ? "?" : SqlCounter.shortName(frames.get(frames.size() - 1));
  }

  private static String enginePhase(List<String> frames) {
    boolean db = false;
    for (String f : frames) {
      if (f.startsWith("org.h2.") || f.startsWith("org.postgresql.") || f.startsWith("java.net.")) {
        db = true;
      }
      String phase = null;
      if (f.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush")) {
        phase = "flush (inserts/updates/deletes)";
      } else if (f.startsWith("org.camunda.bpm.engine.impl.history.")
          || f.startsWith("org.camunda.bpm.engine.impl.history.producer")) {
        phase = "history events";
      } else if (f.startsWith("org.camunda.bpm.dmn.") || f.startsWith("org.camunda.feel.")) {
        phase = "DMN";
      } else if (f.startsWith("org.camunda.bpm.engine.impl.db.sql.DbSqlSession.select")
          || f.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.select")) {
        phase = "reads";
      } else if (f.startsWith(
              "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity")
          || f.startsWith("org.camunda.bpm.engine.impl.core.variable.")) {
        phase = "variables";
      } else if (f.startsWith("org.camunda.bpm.engine.impl.juel.")
          || f.startsWith("org.camunda.bpm.impl.juel.")
          || f.startsWith("org.camunda.bpm.engine.impl.el.")) {
        phase = "expressions";
      } else if (f.startsWith("org.camunda.bpm.engine.impl.bpmn.parser.")
          || f.startsWith("org.camunda.bpm.engine.impl.persistence.deploy.")) {
        phase = "deployment cache";
      } else if (f.startsWith("org.camunda.bpm.engine.impl.cfg.auth.")
          || f.startsWith("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager")) {
        phase = "authorization";
      } else if (f.startsWith("org.camunda.spin.") || f.startsWith("com.fasterxml.jackson.")) {
        phase = "Spin/JSON";
      }
      if (phase != null) {
        return phase + (db ? ", in the database" : "");
      }
    }
    return "other" + (db ? ", in the database" : "");
  }

  private static void print(Database database, Profiled ours, Profiled base) {
    log("");
    log("## JFR profile, " + database.label());
    log(
        "lifecycles: ours "
            + ours.lifecycles()
            + " ("
            + fmt(ours.msPerLifecycle())
            + " ms each), baseline "
            + base.lifecycles()
            + " ("
            + fmt(base.msPerLifecycle())
            + " ms each); GC pauses per lifecycle: ours "
            + fmt(ours.gcPauseMs() / ours.lifecycles())
            + " ms, baseline "
            + fmt(base.gcPauseMs() / base.lifecycles())
            + " ms");
    compare("### ms per lifecycle by who spends them", ours, base, Profiled::categories, 80);
    compare("### hottest methods, self (top 30)", ours, base, Profiled::self, 30);
    compare("### methods, inclusive (top 120)", ours, base, Profiled::inclusive, 120);
  }

  private static void compare(
      String title,
      Profiled ours,
      Profiled base,
      java.util.function.Function<Profiled, Map<String, Double>> view,
      int limit) {
    Set<String> keys = new HashSet<>(view.apply(ours).keySet());
    keys.addAll(view.apply(base).keySet());
    log("");
    log(title);
    log("| | ours ms | baseline ms | difference ms |");
    log("| --- | --- | --- | --- |");
    keys.stream()
        .map(
            k ->
                Map.entry(
                    k,
                    new double[] {
                      ours.ms(view.apply(ours).getOrDefault(k, 0.0)),
                      base.ms(view.apply(base).getOrDefault(k, 0.0))
                    }))
        .sorted(Comparator.comparingDouble(e -> -Math.max(e.getValue()[0], e.getValue()[1])))
        .limit(limit)
        .forEach(
            e ->
                log(
                    "| `"
                        + e.getKey()
                        + "` | "
                        + fmt(e.getValue()[0])
                        + " | "
                        + fmt(e.getValue()[1])
                        + " | "
                        + fmt(e.getValue()[0] - e.getValue()[1])
                        + " |"));
  }

  private static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, "%.2f", d);
  }

  private static void log(String line) {
    System.out.println(line);
  }
}
