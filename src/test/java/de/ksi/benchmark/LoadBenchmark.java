// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 3: the packaged application on PostgreSQL as its own process; concurrent simulated
 * caseworkers (the ten demo caseworkers' logins) and the providers' staff run whole cases over HTTP
 * for a bounded time. Afterwards SQL checks that no place was booked twice.
 */
final class LoadBenchmark {

  private static final Duration WARM_UP = Duration.ofSeconds(15);

  private final String heading;
  private final int users;
  private final Duration duration;
  private final long thinkMillis;
  private CaseRateSearch rateSearch;

  LoadBenchmark(String heading, int users, Duration duration, long thinkMillis) {
    this.heading = heading;
    this.users = users;
    this.duration = duration;
    this.thinkMillis = thinkMillis;
  }

  /** After this pace is measured, the rate search runs on the same application and database. */
  LoadBenchmark followedBy(CaseRateSearch rateSearch) {
    this.rateSearch = rateSearch;
    return this;
  }

  /** The login of the i-th simulated user: the demo caseworkers in turn, office by office. */
  static String caseworker(int i) {
    District office = District.values()[i % District.values().length];
    return "fk-" + office.code().toLowerCase() + "-" + (1 + (i / District.values().length) % 2);
  }

  /** The office of the i-th simulated user. */
  static String office(int i) {
    return District.values()[i % District.values().length].name();
  }

  Table run() {
    Table table =
        new Table(
            heading
                + " Caseworker latency under load over HTTP (packaged application on PostgreSQL, "
                + users
                + " concurrent users, "
                + duration.toSeconds()
                + " s, think time "
                + thinkMillis
                + " ms mean)",
            "call",
            "calls",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "errors",
            "target p95 < 200 ms");
    try (ThrowawayDatabase database = ThrowawayDatabase.create();
        ApplicationProcess app =
            ApplicationProcess.builder("benchmark-load")
                .postgres(database.url(), database.user(), Database.DATA_KEY)
                .demoData(true)
                .maxHeap("1g")
                .start()) {
      // room for every simulated case at once: the demo offers get 60 more places each
      database
          .jdbc()
          .update("UPDATE offer SET licensed = licensed + 60, reported_free = reported_free + 60");
      Map<Long, String> providerLogins = providerLogins(database);
      Benchmark.log("load: warming up " + WARM_UP.toSeconds() + " s with 10 users");
      drive(app, 10, WARM_UP, new CallTypes(), providerLogins, thinkMillis);
      Benchmark.log("load: " + users + " users for " + duration.toSeconds() + " s");
      CallTypes calls = new CallTypes();
      Optional<CpuUse> cpu = CpuUse.start(app.pid());
      long cases = drive(app, users, duration, calls, providerLogins, thinkMillis);
      Optional<String> cpuUse = cpu.map(CpuUse::since);
      calls
          .all()
          .forEach(
              (type, latency) ->
                  table.row(
                      type,
                      latency.count(),
                      latency.millis(50),
                      latency.millis(95),
                      latency.millis(99),
                      latency.millis(100),
                      latency.errors(),
                      latency.millis(95) < 200 ? "met" : "NOT met"));
      long doubleBookings = doubleBookings(database);
      table.note(
          "Whole cases completed: "
              + cases
              + " ("
              + Table.format(cases / (double) duration.toSeconds())
              + " per second); errors: "
              + calls.errors()
              + "; 409 conflicts retried: "
              + calls.conflicts()
              + "; double bookings found by SQL afterwards: "
              + doubleBookings
              + "; RSS of the application after the load: "
              + app.residentSetBytes() / (1024 * 1024)
              + " MB.");
      cpuUse.ifPresent(table::note);
      calls
          .firstErrors()
          .forEach((type, error) -> table.note("First error of " + type + ": `" + error + "`"));
      if (rateSearch != null) {
        rateSearch.run(app, providerLogins);
      }
    }
    return table;
  }

  /**
   * Runs whole cases with the given number of users until the time is up; the number of completed
   * cases.
   */
  private static long drive(
      ApplicationProcess app,
      int users,
      Duration duration,
      CallTypes calls,
      Map<Long, String> providerLogins,
      long thinkMillis) {
    ApiClient api = new ApiClient(app.port());
    AtomicLong completed = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    for (int i = 0; i < users; i++) {
      String caseworker = caseworker(i);
      String office = office(i);
      Random random = new Random(i);
      pool.execute(
          () -> {
            RestCase restCase = new RestCase(api, calls, providerLogins, thinkMillis);
            while (System.nanoTime() < end) {
              if (restCase.run(caseworker, office, 12 + random.nextInt(5))) {
                completed.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return completed.get();
  }

  /** For each offer a login of its provider's staff. */
  private static Map<Long, String> providerLogins(ThrowawayDatabase database) {
    Map<Long, String> logins = new HashMap<>();
    List<Map<String, Object>> rows =
        database
            .jdbc()
            .queryForList(
                "SELECT o.id, MIN(m.user_id_) AS login FROM offer o"
                    + " JOIN provider p ON p.id = o.provider_id JOIN act_id_membership m ON m.group_id_ = p.group_id GROUP BY o.id");
    rows.forEach(r -> logins.put(((Number) r.get("id")).longValue(), (String) r.get("login")));
    return logins;
  }

  /**
   * Cases with two running placements, and offers with more running placements than licensed
   * places.
   */
  private static long doubleBookings(ThrowawayDatabase database) {
    Long twicePlaced =
        database
            .jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM (SELECT case_reference FROM placement"
                    + " WHERE ended_at IS NULL GROUP BY case_reference HAVING COUNT(*) > 1) t",
                Long.class);
    Long overbooked =
        database
            .jdbc()
            .queryForObject(
                "SELECT COUNT(*) FROM offer o WHERE o.licensed < (SELECT"
                    + " COALESCE(SUM(p.places), 0) FROM placement p WHERE p.offer_id = o.id AND p.ended_at IS NULL)",
                Long.class);
    return twicePlaced + overbooked;
  }
}
