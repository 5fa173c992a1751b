// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Part 4: the packaged application as its own process, from launching the JVM until readiness
 * answers UP, and its resident memory then; first start on an empty database (schema, demo data)
 * and a restart on it; beside it, in turns, a bare Camunda + Spring Boot application with the same
 * starters ({@link BareApplication}), the yardstick of issue #22's decision 7 (at most 1.5×).
 */
final class StartupBenchmark {

  private static final String HEAP = "512m";
  private static final double TARGET = 1.5;

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
          "RSS bare MB");

  Table run(Set<Database> databases) {
    BareApplication bare = BareApplication.fromPackagedJar();
    if (databases.contains(Database.H2)) {
      Path dataDir = temporaryDirectory();
      Path productionDir = temporaryDirectory();
      Path bareDir = temporaryDirectory();
      try {
        measure(
            Database.H2,
            ApplicationProcess.builder("benchmark-startup-h2")
                .env("KSI_DATA_DIR", dataDir.toString()),
            ApplicationProcess.builder("benchmark-startup-h2-production")
                .env("KSI_DATA_DIR", productionDir.toString())
                .env("KSI_DATA_KEY", Database.DATA_KEY)
                .demoData(false),
            bare.builder(
                "benchmark-startup-bare-h2",
                "jdbc:h2:file:"
                    + bareDir.resolve("bare")
                    + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=256",
                "sa"));
      } finally {
        delete(dataDir);
        delete(productionDir);
        delete(bareDir);
      }
    }
    if (databases.contains(Database.POSTGRES)) {
      try (ThrowawayDatabase database = ThrowawayDatabase.create();
          ThrowawayDatabase productionDatabase = ThrowawayDatabase.create();
          ThrowawayDatabase bareDatabase = ThrowawayDatabase.create()) {
        measure(
            Database.POSTGRES,
            ApplicationProcess.builder("benchmark-startup-pg")
                .postgres(database.url(), database.user(), Database.DATA_KEY)
                .demoData(true),
            ApplicationProcess.builder("benchmark-startup-pg-production")
                .postgres(productionDatabase.url(), productionDatabase.user(), Database.DATA_KEY)
                .demoData(false),
            bare.builder("benchmark-startup-bare-pg", bareDatabase.url(), bareDatabase.user()));
      }
    }
    table.note(
        "Heap limit -Xmx"
            + HEAP
            + " for both, H2 as a file database (the default), PostgreSQL in a throwaway database"
            + " on the shared server. The first start creates the schemas. Ours starts first as the"
            + " README starts it, with demo data (demo logins, 40 providers with their groups,"
            + " grants and Tasklist filters, a synthetic year of closed cases), and a second time"
            + " on an empty database of its own as an office runs it, without demo data"
            + " (KSI_DEMO_ENABLED=false): that first start does what the bare application's does"
            + " (schemas, deployments) plus our migrations. In turns: ours with demo data, the bare"
            + " one, ours without demo data, then ours (with demo data) and the bare one restarted.");
    table.note(bare.describe());
    return table;
  }

  private void measure(
      Database database,
      ApplicationProcess.Builder ours,
      ApplicationProcess.Builder oursWithoutDemo,
      ApplicationProcess.Builder bare) {
    Benchmark.log("startup: " + database.label() + ", ours and the bare application");
    ApplicationProcess oursApp = ours.maxHeap(HEAP).start();
    Started oursFirst = Started.stop(oursApp);
    ApplicationProcess bareApp = bare.maxHeap(HEAP).start();
    Started bareFirst = Started.stop(bareApp);
    Started oursProduction = Started.stop(oursWithoutDemo.maxHeap(HEAP).start());
    row(database, "first (empty database), ours with demo data", oursFirst, bareFirst);
    row(database, "first (empty database), ours without demo data", oursProduction, bareFirst);
    Started oursAgain = Started.stop(oursApp.restart());
    Started bareAgain = Started.stop(bareApp.restart());
    row(database, "restart", oursAgain, bareAgain);
  }

  private void row(Database database, String start, Started ours, Started bare) {
    double ratio = ours.seconds() / bare.seconds();
    table.row(
        database.label(),
        start,
        ours.seconds(),
        bare.seconds(),
        Table.format(ratio) + "×",
        ratio <= TARGET ? "met" : "NOT met",
        ours.megabytes(),
        bare.megabytes());
  }

  /** One start's figures, read while the process is still up. */
  private record Started(double seconds, long megabytes) {
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
