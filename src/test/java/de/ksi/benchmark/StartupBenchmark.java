// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Part 4: the packaged application as its own process, from launching the JVM until readiness
 * answers UP, and its resident memory then; first start on an empty database (schema, demo data)
 * and a restart on it; beside it, in turns, a bare Camunda + Spring Boot application with the same
 * starters ({@link BareApplication}), the yardstick of issue #22's decision 7 (at most 1.5×).
 */
final class StartupBenchmark {

  private static final String HEAP = "512m";
  private static final double TARGET = 1.5;

  /** Launches of each kind of start and side; a row reports the faster. */
  private static final int LAUNCHES = 2;

  private final Table table =
      new Table(
          "4. Startup (JVM launch until /actuator/health/readiness is UP) and memory, ours and a"
              + " bare Camunda + Spring Boot application with the same starters",
          "database",
          "start",
          "ours s",
          "bare s",
          "ours / bare",
          "target ≤ " + TARGET + "×",
          "RSS at readiness ours MB",
          "RSS bare MB",
          "launches ours / bare s");

  Table run(Set<Database> databases) {
    BareApplication bare = BareApplication.fromPackagedJar();
    if (databases.contains(Database.H2)) {
      List<Path> directories = new ArrayList<>();
      Supplier<Path> directory =
          () -> {
            Path created = temporaryDirectory();
            directories.add(created);
            return created;
          };
      try {
        measure(
            Database.H2,
            launch ->
                ApplicationProcess.builder("benchmark-startup-h2-" + launch)
                    .env("KSI_DATA_DIR", directory.get().toString()),
            launch ->
                ApplicationProcess.builder("benchmark-startup-h2-production-" + launch)
                    .env("KSI_DATA_DIR", directory.get().toString())
                    .env("KSI_DATA_KEY", Database.DATA_KEY)
                    .demoData(false),
            launch ->
                bare.builder(
                    "benchmark-startup-bare-h2-" + launch,
                    "jdbc:h2:file:"
                        + directory.get().resolve("bare")
                        + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256",
                    "sa"));
      } finally {
        directories.forEach(StartupBenchmark::delete);
      }
    }
    if (databases.contains(Database.POSTGRES)) {
      List<ThrowawayDatabase> created = new ArrayList<>();
      Supplier<ThrowawayDatabase> database =
          () -> {
            ThrowawayDatabase throwaway = ThrowawayDatabase.create();
            created.add(throwaway);
            return throwaway;
          };
      try {
        measure(
            Database.POSTGRES,
            launch -> {
              ThrowawayDatabase db = database.get();
              return ApplicationProcess.builder("benchmark-startup-pg-" + launch)
                  .postgres(db.url(), db.user(), Database.DATA_KEY)
                  .demoData(true);
            },
            launch -> {
              ThrowawayDatabase db = database.get();
              return ApplicationProcess.builder("benchmark-startup-pg-production-" + launch)
                  .postgres(db.url(), db.user(), Database.DATA_KEY)
                  .demoData(false);
            },
            launch -> {
              ThrowawayDatabase db = database.get();
              return bare.builder("benchmark-startup-bare-pg-" + launch, db.url(), db.user());
            });
      } finally {
        created.forEach(ThrowawayDatabase::close);
      }
    }
    table.note(
        "Heap limit -Xmx"
            + HEAP
            + " for both, H2 as a file database (the default), PostgreSQL in a throwaway database"
            + " on the shared server. The first start creates the schemas. Ours starts first as the"
            + " README starts it, with demo data (demo logins, 40 providers with their groups,"
            + " grants and Tasklist filters; on H2 also a synthetic year of closed cases, written"
            + " beside the start, which the postgres profile leaves out), and a second time"
            + " on an empty database of its own as an office runs it, without demo data"
            + " (KSI_DEMO_ENABLED=false): that first start does what the bare application's does"
            + " (schemas, deployments) plus our migrations. In turns: ours with demo data, the bare"
            + " one, ours without demo data, each on an empty database of its own, twice; then ours"
            + " (with demo data) and the bare one restarted, twice. Each row gives the faster of a"
            + " side's two launches (a single launch moves by a second or more from one to the"
            + " next on this kind of machine), the last column both.");
    table.note(bare.describe());
    return table;
  }

  /**
   * Every kind of start twice, in turns, each first start on an empty database of its own (the
   * builders are asked for launch 1 and 2); a row takes each side's faster launch.
   */
  private void measure(
      Database database,
      IntFunction<ApplicationProcess.Builder> ours,
      IntFunction<ApplicationProcess.Builder> oursWithoutDemo,
      IntFunction<ApplicationProcess.Builder> bare) {
    Benchmark.log("startup: " + database.label() + ", ours and the bare application, twice each");
    List<Started> oursFirst = new ArrayList<>();
    List<Started> bareFirst = new ArrayList<>();
    List<Started> oursProduction = new ArrayList<>();
    ApplicationProcess oursApp = null;
    ApplicationProcess bareApp = null;
    for (int launch = 1; launch <= LAUNCHES; launch++) {
      oursApp = ours.apply(launch).maxHeap(HEAP).start();
      oursFirst.add(Started.stop(oursApp));
      bareApp = bare.apply(launch).maxHeap(HEAP).start();
      bareFirst.add(Started.stop(bareApp));
      oursProduction.add(Started.stop(oursWithoutDemo.apply(launch).maxHeap(HEAP).start()));
    }
    row(database, "first (empty database), ours with demo data", oursFirst, bareFirst);
    row(database, "first (empty database), ours without demo data", oursProduction, bareFirst);
    List<Started> oursAgain = new ArrayList<>();
    List<Started> bareAgain = new ArrayList<>();
    for (int launch = 1; launch <= LAUNCHES; launch++) {
      oursAgain.add(Started.stop(oursApp.restart()));
      bareAgain.add(Started.stop(bareApp.restart()));
    }
    row(database, "restart", oursAgain, bareAgain);
  }

  private void row(Database database, String start, List<Started> ours, List<Started> bare) {
    Started oursBest = Started.fastest(ours);
    Started bareBest = Started.fastest(bare);
    double ratio = oursBest.seconds() / bareBest.seconds();
    table.row(
        database.label(),
        start,
        oursBest.seconds(),
        bareBest.seconds(),
        Table.format(ratio) + "×",
        ratio <= TARGET ? "met" : "NOT met",
        oursBest.megabytes(),
        bareBest.megabytes(),
        Started.seconds(ours) + " / " + Started.seconds(bare));
  }

  /** One start's figures, read while the process is still up. */
  private record Started(double seconds, long megabytes) {
    static Started fastest(List<Started> launches) {
      return launches.stream().min(java.util.Comparator.comparingDouble(Started::seconds)).get();
    }

    static String seconds(List<Started> launches) {
      return launches.stream()
          .map(l -> Table.format(l.seconds()))
          .collect(java.util.stream.Collectors.joining(", "));
    }

    static Started stop(ApplicationProcess app) {
      Started started =
          new Started(
              app.startupDuration().toMillis() / 1000.0, app.residentSetBytes() / (1024 * 1024));
      app.stop();
      return started;
    }
  }

  private static void delete(Path directory) {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("ksi-benchmark-h2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
