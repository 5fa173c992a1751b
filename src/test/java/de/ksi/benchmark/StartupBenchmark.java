// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Part 4: the packaged application as its own process, from launching the JVM until readiness
 * answers UP, and its resident memory then; first start on an empty database (schema, demo data)
 * and a restart on it.
 */
final class StartupBenchmark {

  private static final String HEAP = "512m";

  Table run() {
    Table table =
        new Table(
            "4. Startup (JVM launch until /actuator/health/readiness is UP) and memory",
            "database",
            "start",
            "startup s",
            "RSS at readiness MB");
    Path dataDir = temporaryDirectory();
    try {
      measure(
          table,
          Database.H2,
          ApplicationProcess.builder("benchmark-startup-h2")
              .env("KSI_DATA_DIR", dataDir.toString()));
    } finally {
      delete(dataDir);
    }
    try (ThrowawayDatabase database = ThrowawayDatabase.create()) {
      measure(
          table,
          Database.POSTGRES,
          ApplicationProcess.builder("benchmark-startup-pg")
              .postgres(database.url(), database.user(), Database.DATA_KEY)
              .demoData(true));
    }
    table.note(
        "Heap limit -Xmx"
            + HEAP
            + ", demo data on, H2 as a file database (the default), PostgreSQL in a"
            + " throwaway database on the shared server. The first start creates the schemas and loads the demo data.");
    return table;
  }

  private static void measure(Table table, Database database, ApplicationProcess.Builder builder) {
    Benchmark.log("startup: " + database.label());
    ApplicationProcess first = builder.maxHeap(HEAP).start();
    row(table, database, "first (empty database)", first);
    first.stop();
    ApplicationProcess again = first.restart();
    row(table, database, "restart", again);
    again.stop();
  }

  private static void row(Table table, Database database, String start, ApplicationProcess app) {
    Duration startup = app.startupDuration();
    table.row(
        database.label(),
        start,
        startup.toMillis() / 1000.0,
        app.residentSetBytes() / (1024 * 1024));
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
      Path directory = Files.createTempDirectory("ksi-benchmark-h2");
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
