// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * Who took the machine's CPU during a stretch of the load: the application, PostgreSQL (all its
 * processes), the simulated users (this JVM) and the rest, as cores kept busy on average, from the
 * clock ticks in {@code /proc}. Shows whether a latency figure measures the application or a
 * machine with no core left to give.
 */
final class CpuUse {

  /**
   * Clock ticks per second of {@code /proc} (USER_HZ, 100 on Linux for every architecture the JDK
   * runs on).
   */
  private static final double TICKS_PER_SECOND = 100;

  private final long applicationPid;
  private final Ticks start;

  private CpuUse(long applicationPid, Ticks start) {
    this.applicationPid = applicationPid;
    this.start = start;
  }

  /** Starts counting; empty where {@code /proc} is not there (not Linux). */
  static Optional<CpuUse> start(long applicationPid) {
    return Ticks.read(applicationPid).map(ticks -> new CpuUse(applicationPid, ticks));
  }

  /** The cores each took on average since the start, as a sentence for the report. */
  String since() {
    Ticks end =
        Ticks.read(applicationPid).orElseThrow(() -> new IllegalStateException("/proc is gone"));
    double seconds = (end.nanos - start.nanos) / 1e9;
    double application = cores(end.application - start.application, seconds);
    double postgres = cores(end.postgres - start.postgres, seconds);
    double clients = cores(end.clients - start.clients, seconds);
    double busy = cores(end.busy - start.busy, seconds);
    double rest = Math.max(0, busy - application - postgres - clients);
    double idle = cores(end.idle - start.idle, seconds);
    return "CPU during the measured load, as cores busy on average (the machine has "
        + Runtime.getRuntime().availableProcessors()
        + "): application "
        + Table.format(application)
        + ", PostgreSQL "
        + Table.format(postgres)
        + ", simulated users "
        + Table.format(clients)
        + ", rest "
        + Table.format(rest)
        + "; idle "
        + Table.format(idle)
        + ", taken by the hypervisor (steal) "
        + Table.format(cores(end.steal - start.steal, seconds))
        + ".";
  }

  private static double cores(long ticks, double seconds) {
    return ticks / TICKS_PER_SECOND / seconds;
  }

  /** A reading of the counters. */
  private record Ticks(
      long nanos, long application, long postgres, long clients, long busy, long idle, long steal) {

    static Optional<Ticks> read(long applicationPid) {
      Path stat = Paths.get("/proc/stat");
      if (!Files.isReadable(stat)) {
        return Optional.empty();
      }
      try {
        // cpu  user nice system idle iowait irq softirq steal ...
        String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8; i++) {
          total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        long steal = Long.parseLong(cpu[8]);
        return Optional.of(
            new Ticks(
                System.nanoTime(),
                process(applicationPid),
                allPostgres(),
                process(ProcessHandle.current().pid()),
                total - idle - steal,
                idle,
                steal));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /**
     * User and system ticks of a process and its ended children that it waited for; 0 once it is
     * gone.
     */
    private static long process(long pid) {
      try {
        String line = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
        // the command name is in parentheses and may hold spaces: the fields start after the last
        // ')'
        List<String> fields =
            List.of(line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+"));
        // fields from state (3rd of the man page) on: utime 14, stime 15, cutime 16, cstime 17
        return Long.parseLong(fields.get(11))
            + Long.parseLong(fields.get(12))
            + Long.parseLong(fields.get(13))
            + Long.parseLong(fields.get(14));
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** All processes named {@code postgres}: the server and its backends. */
    private static long allPostgres() throws IOException {
      long ticks = 0;
      try (DirectoryStream<Path> processes =
          Files.newDirectoryStream(Paths.get("/proc"), "[0-9]*")) {
        for (Path process : processes) {
          try {
            if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
              ticks += process(Long.parseLong(process.getFileName().toString()));
            }
          } catch (IOException e) {
            // the process ended while we looked
          }
        }
      }
      return ticks;
    }
  }
}
