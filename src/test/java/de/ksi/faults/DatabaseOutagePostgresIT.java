// SPDX-License-Identifier: EUPL-1.2
package de.ksi.faults;

import static de.ksi.faults.FaultSuite.await;
import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.faults.FaultSuite.Cases;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.TaskForms;
import de.ksi.testing.TcpProxy;
import de.ksi.testing.ThrowawayDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL drops out for a few seconds under load (a proxy between application and server cuts
 * every connection and refuses new ones; the shared server itself is never touched): requests fail
 * cleanly with a 503 problem, readiness reports DOWN, the application recovers by itself, and
 * nothing is half-written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutagePostgresIT {

  private static final int WORKERS = 3;

  private final ThrowawayDatabase db = ThrowawayDatabase.create();
  private final JdbcTemplate sql = db.jdbc();
  private final TcpProxy proxy;
  private ApplicationProcess app;

  DatabaseOutagePostgresIT() {
    URI server = URI.create(db.url().substring("jdbc:".length()));
    proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
  }

  @AfterAll
  void stop() {
    try {
      if (app != null) {
        app.stop();
      }
    } finally {
      proxy.close();
      db.close();
    }
  }

  /** One reply of the load, with when it was sent. */
  record Outcome(String call, boolean duringOutage, int status, String contentType, String body) {}

  @Test
  void requestsFailCleanlyWhileTheDatabaseIsAwayAndTheApplicationRecoversByItself()
      throws Exception {
    String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name();
    app = FaultSuite.application("outage", proxied, db.user()).start();
    Cases cases = new Cases(app.port());
    cases.reportAllPlacesFree(sql);

    AtomicBoolean outage = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger afterwards = new AtomicInteger();
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> broken = Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; running.get(); i++) {
                    boolean during = outage.get();
                    List<Outcome> round = work(cases, worker + i, during);
                    outcomes.addAll(round);
                    if (!during
                        && !outage.get()
                        && round.stream().allMatch(o -> o.status() < 300)) {
                      afterwards.incrementAndGet();
                    }
                  }
                } catch (RuntimeException | AssertionError e) {
                  broken.add(e);
                }
              },
              "load-" + w);
      workers.add(thread);
      thread.start();
    }

    await("load before the outage", Duration.ofSeconds(60), () -> afterwards.get() >= 6);
    outage.set(true);
    proxy.cut();
    await(
        "readiness DOWN while the database is away",
        Duration.ofSeconds(30),
        () -> app.readinessStatus() == 503);
    await(
        "requests answered during the outage",
        Duration.ofSeconds(30),
        () -> outcomes.stream().filter(Outcome::duringOutage).count() >= 3);
    proxy.restore();
    await(
        "readiness UP once the database is back",
        Duration.ofSeconds(60),
        () -> app.readinessStatus() == 200);
    outage.set(false);
    afterwards.set(0);
    await(
        "whole rounds of work succeed again", Duration.ofSeconds(60), () -> afterwards.get() >= 6);
    running.set(false);
    for (Thread thread : workers) {
      thread.join(60_000);
    }

    assertThat(broken).as("load workers that broke").isEmpty();
    assertThat(outcomes)
        .as("no reply is a 500 or other server error than 503")
        .allSatisfy(o -> assertThat(o.status()).as("%s", o).isIn(200, 201, 204, 409, 503));
    assertThat(outcomes)
        .filteredOn(o -> o.status() == 503)
        .as("503s during the outage")
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.body()).as("%s", o).contains("database-unavailable"));
    assertThat(outcomes)
        .filteredOn(o -> o.status() == 503 && o.call().startsWith("/api"))
        .allSatisfy(o -> assertThat(o.contentType()).startsWith("application/problem+json"));
    assertThat(outcomes)
        .filteredOn(o -> o.status() == 409)
        .as("conflicts")
        .allSatisfy(o -> assertThat(o.body()).contains("problem."));

    FaultSuite.assertConsistent(sql);
    assertThat(
            sql.queryForList(
                """
        SELECT c.reference FROM custody_case c WHERE NOT EXISTS (
          SELECT 1 FROM act_hi_procinst p WHERE p.business_key_ = c.reference)""",
                String.class))
        .as("cases registered without their process")
        .isEmpty();
  }

  /** A search, an intake and a request to the best candidate, as a caseworker does them. */
  private static List<Outcome> work(Cases cases, int n, boolean during) {
    ApiClient.Caller caseworker = cases.api().as(FaultSuite.CASEWORKER);
    List<Outcome> round = new ArrayList<>();
    String search =
        "/api/capacity/search?district=SEGEBERG&category=INOBHUTNAHME_GRUPPE&age="
            + (8 + n % 8)
            + "&gender=MALE";
    round.add(outcome(search, during, caseworker.get(search)));
    ApiClient.Reply intake = cases.tryIntake(FaultSuite.CASEWORKER, 8 + n % 8, "IMMEDIATE");
    round.add(outcome("/api/cases", during, intake));
    if (intake.status() != 201) {
      return round;
    }
    String reference = intake.json().get("caseReference").asText();
    ApiClient.Reply tasks =
        caseworker.get(
            FaultSuite.ENGINE_REST
                + "/task?processInstanceBusinessKey="
                + reference
                + "&taskDefinitionKey="
                + CaseProcess.SearchElements.CHOOSE);
    round.add(outcome("/engine-rest/task", during, tasks));
    if (tasks.status() != 200 || tasks.json().isEmpty()) {
      return round;
    }
    String task = tasks.json().get(0).get("id").asText();
    ApiClient.Reply options =
        caseworker.get(
            FaultSuite.ENGINE_REST
                + "/task/"
                + task
                + "/form-variables?variableNames="
                + CaseProcess.Vars.CANDIDATES
                + "&deserializeValues=false");
    round.add(outcome("/engine-rest/task/{id}/form-variables", during, options));
    if (options.status() != 200) {
      return round;
    }
    List<Long> offers =
        Cases.offerIds(options.json().get(CaseProcess.Vars.CANDIDATES).get("value").asText());
    if (!offers.isEmpty()) {
      round.add(
          outcome(
              "/engine-rest/task/{id}/submit-form",
              during,
              caseworker.post(
                  FaultSuite.ENGINE_REST + "/task/" + task + "/submit-form",
                  TaskForms.request(offers.get(0)))));
    }
    return round;
  }

  private static Outcome outcome(String call, boolean during, ApiClient.Reply reply) {
    return new Outcome(call, during, reply.status(), reply.contentType(), reply.body());
  }
}
