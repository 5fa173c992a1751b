// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApiClient;
import de.ksi.testing.ApiClient.Reply;
import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The yardstick of part 3's highest case rate (issue #22, decision 5): how many same-shape baseline
 * cases per second the bare Camunda + Spring Boot application ({@link BareApplication}) starts over
 * its REST API, authenticated as ours is there (Camunda's HTTP Basic filter against its identity
 * service, authorization on), on a throwaway PostgreSQL database. A few clients each send the next
 * start as soon as the last one answered (closed loop), after a warm-up.
 */
final class BareRestStarts {

  static final String START = "POST /engine-rest/process-definition/key/{key}/start";

  private static final int CLIENTS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final String ADMIN = "admin";
  private static final String STARTER = "starter";
  private static final String GROUP = "starters";

  /** Camunda's resource types of process definitions and process instances. */
  private static final int PROCESS_DEFINITION = 6;

  private static final int PROCESS_INSTANCE = 8;

  /** The number of the next baseline case, its business key BASE-REST-n. */
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final String heading;
  private final Duration duration;
  private double startsPerSecond;

  BareRestStarts(String heading, Duration duration) {
    this.heading = heading;
    this.duration = duration;
  }

  Table run() {
    Table table =
        new Table(
            heading
                + " The bare engine's authenticated REST start rate (bare Camunda + Spring Boot"
                + " application on PostgreSQL, "
                + CLIENTS
                + " clients, closed loop, "
                + duration.toSeconds()
                + " s)",
            "call",
            "starts",
            "starts/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "errors");
    BareApplication bare = BareApplication.fromPackagedJar();
    try (ThrowawayDatabase database = ThrowawayDatabase.create();
        ApplicationProcess app =
            bare.builder("benchmark-rest-bare", database.url(), database.user())
                .property("camunda.bpm.admin-user.id", ADMIN)
                .property("camunda.bpm.admin-user.password", ApiClient.PASSWORD)
                .maxHeap("1g")
                .start()) {
      ApiClient api = new ApiClient(app.port());
      allowStarts(api);
      Benchmark.log("bare REST starts: warming up " + WARM_UP.toSeconds() + " s");
      drive(api, WARM_UP, new CallTypes());
      Benchmark.log("bare REST starts: " + CLIENTS + " clients for " + duration.toSeconds() + " s");
      CallTypes calls = new CallTypes();
      Optional<CpuUse> cpu = CpuUse.start(app.pid());
      long starts = drive(api, duration, calls);
      Optional<String> cpuUse = cpu.map(CpuUse::since);
      startsPerSecond = starts / (double) duration.toSeconds();
      Latency latency = calls.of(START);
      table.row(
          START.replace("{key}", BaselineLifecycle.KEY),
          starts,
          startsPerSecond,
          latency.millis(50),
          latency.millis(95),
          latency.millis(99),
          latency.errors());
      table.note(
          "Each start runs the same-shape baseline's case process (table 1) up to its first wait"
              + " states, both decisions and the two called processes included, with the"
              + " variables BaselineLifecycle starts it with (the decisions' inputs transient),"
              + " history full. The caller is a user of Camunda's identity service whose group may"
              + " read and start that definition and create process instances (authorizations,"
              + " no administrator); every request carries HTTP Basic credentials, which Camunda's"
              + " ProcessEngineAuthenticationFilter checks against the identity service, as ours"
              + " does on /engine-rest. Warm-up "
              + WARM_UP.toSeconds()
              + " s first; the application alone on the machine (ours is stopped by then).");
      table.note(bare.describe());
      cpuUse.ifPresent(table::note);
      calls
          .firstErrors()
          .forEach((type, error) -> table.note("First error of " + type + ": `" + error + "`"));
    }
    return table;
  }

  /** Successful starts per second of the measured stretch (0 before {@link #run()}). */
  double startsPerSecond() {
    return startsPerSecond;
  }

  /**
   * As the administrator: a user in a group that may read and start the baseline and create its
   * process instances, nothing more.
   */
  private static void allowStarts(ApiClient api) {
    ApiClient.Caller admin = api.as(ADMIN);
    expect(
        admin.post(
            "/engine-rest/user/create",
            """
            {"profile": {"id": "%s", "firstName": "Bench", "lastName": "Mark"},
             "credentials": {"password": "%s"}}"""
                .formatted(STARTER, ApiClient.PASSWORD)),
        204);
    expect(
        admin.post(
            "/engine-rest/group/create",
            """
            {"id": "%s", "name": "Starters", "type": "WORKFLOW"}"""
                .formatted(GROUP)),
        204);
    expect(admin.send("PUT", "/engine-rest/group/" + GROUP + "/members/" + STARTER, null), 204);
    grant(admin, PROCESS_DEFINITION, BaselineLifecycle.KEY, "\"READ\", \"CREATE_INSTANCE\"");
    grant(admin, PROCESS_INSTANCE, "*", "\"CREATE\"");
  }

  private static void grant(
      ApiClient.Caller admin, int resourceType, String resourceId, String permissions) {
    expect(
        admin.post(
            "/engine-rest/authorization/create",
            """
            {"type": 1, "groupId": "%s", "resourceType": %d, "resourceId": "%s",
             "permissions": [%s]}"""
                .formatted(GROUP, resourceType, resourceId, permissions)),
        200);
  }

  private static void expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "bare application answered " + reply.status() + ": " + reply.body());
    }
  }

  /** Starts baseline cases with every client until the time is up; the number of started cases. */
  private static long drive(ApiClient api, Duration duration, CallTypes calls) {
    ApiClient.Caller starter = api.as(STARTER);
    AtomicLong started = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      pool.execute(
          () -> {
            while (System.nanoTime() < end) {
              long sequence = SEQUENCE.incrementAndGet();
              try {
                Reply reply =
                    calls
                        .of(START)
                        .time(
                            () ->
                                starter.post(
                                    "/engine-rest/process-definition/key/"
                                        + BaselineLifecycle.KEY
                                        + "/start",
                                    start(sequence)));
                if (reply.status() == 200) {
                  started.incrementAndGet();
                } else {
                  calls.error(START, reply.status() + " " + reply.body());
                }
              } catch (RuntimeException e) {
                calls.error(START, e.toString());
              }
            }
          });
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return started.get();
  }

  /**
   * The start of BaselineLifecycle over REST: business key, references, the decisions' inputs as
   * transient variables.
   */
  private static String start(long sequence) {
    return """
        {"businessKey": "%1$s",
         "variables": {
           "caseId": {"value": %2$d, "type": "Long"},
           "caseReference": {"value": "%1$s", "type": "String"},
           "number": {"value": 13, "type": "Integer", "valueInfo": {"transient": true}},
           "textA": {"value": "A2", "type": "String", "valueInfo": {"transient": true}},
           "textB": {"value": "B2", "type": "String"},
           "flagA": {"value": false, "type": "Boolean", "valueInfo": {"transient": true}},
           "flagB": {"value": false, "type": "Boolean", "valueInfo": {"transient": true}},
           "flagC": {"value": false, "type": "Boolean", "valueInfo": {"transient": true}},
           "level": {"value": "L1", "type": "String", "valueInfo": {"transient": true}}}}"""
        .formatted("BASE-REST-" + sequence, sequence);
  }
}
