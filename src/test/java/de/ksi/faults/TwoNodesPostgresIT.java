// SPDX-License-Identifier: EUPL-1.2
package de.ksi.faults;

import static de.ksi.faults.FaultSuite.await;
import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.faults.FaultSuite.Cases;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.TaskForms;
import de.ksi.testing.ThrowawayDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application processes on different ports share one PostgreSQL database, job executors on in
 * both: caseworkers on both race for the same last places, complete the same tasks and answer the
 * same requests; exactly one wins each time, the others get a clear 409 (never a 500 or a lost
 * update), and due timers fire exactly once in the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesPostgresIT {

  private static final int RACERS_PER_NODE = 6;

  private final ThrowawayDatabase db = ThrowawayDatabase.create();
  private final JdbcTemplate sql = db.jdbc();
  private final ExecutorService threads = Executors.newFixedThreadPool(2 * RACERS_PER_NODE);
  private ApplicationProcess nodeA;
  private ApplicationProcess nodeB;
  private Cases onA;
  private Cases onB;

  @BeforeAll
  void startTwoNodes() {
    // one after the other: the first creates the schema and the demo data, the second finds them
    nodeA = node("node-a").start();
    nodeB = node("node-b").start();
    onA = new Cases(nodeA.port());
    onB = new Cases(nodeB.port());
    onA.reportAllPlacesFree(sql);
  }

  private ApplicationProcess.Builder node(String name) {
    return FaultSuite.application(name, db.url(), db.user())
        .property("camunda.bpm.generic-properties.properties.hostname", name);
  }

  @AfterAll
  void stopNodes() {
    threads.shutdownNow();
    try {
      for (ApplicationProcess node : new ApplicationProcess[] {nodeA, nodeB}) {
        if (node != null) {
          node.stop();
        }
      }
    } finally {
      db.close();
    }
  }

  @Test
  void caseworkersOnBothNodesRacingForTheLastPlacesBookEachPlaceOnce() {
    List<Long> offers = sql.queryForList("SELECT id FROM offer ORDER BY id LIMIT 5", Long.class);
    for (long offer : offers) {
      onA.api()
          .as(FaultSuite.COORDINATOR)
          .put("/api/offers/" + offer + "/availability", "{\"free\": 1}")
          .expect(200);
      List<ApiClient.Reply> holds =
          race(
              i ->
                  cases(i)
                      .api()
                      .as("fk-seg-" + (1 + i % 2))
                      .post(
                          "/api/holds",
                          "{\"offerId\": %d, \"caseReference\": \"SEG-2026-%04d\"}"
                              .formatted(offer, 9000 + (int) (offer % 100) * 20 + i)));

      assertThat(holds)
          .as("holds on offer %d", offer)
          .filteredOn(r -> r.status() == 201)
          .hasSize(1);
      assertThat(holds)
          .filteredOn(r -> r.status() != 201)
          .hasSize(2 * RACERS_PER_NODE - 1)
          .allSatisfy(
              r ->
                  assertThat(r.problem(409).get("code").asText())
                      .isEqualTo("problem.hold.no-place-free"));
    }
    for (long offer : offers) {
      assertThat(
              sql.queryForObject(
                  "SELECT COUNT(*) FROM hold WHERE offer_id = ? AND status = 'HELD'",
                  Integer.class,
                  offer))
          .as("holds on offer %d", offer)
          .isEqualTo(1);
    }
    assertThat(overbookedOffers()).isEmpty();
  }

  @Test
  void theSameTaskCompletedOnBothNodesAtOnceWinsOnceAndTheOtherGetsAClearAnswer() {
    for (int round = 0; round < 4; round++) {
      String reference = onA.intake(11 + round, "IMMEDIATE");
      List<Long> candidates = onA.candidates(reference);
      assertThat(candidates).hasSizeGreaterThan(1);
      List<Long> offers = candidates.subList(0, 2);

      // the caseworker's candidate form submitted from both nodes: each asks a different provider
      String choose =
          onA.taskId(FaultSuite.CASEWORKER, reference, CaseProcess.SearchElements.CHOOSE);
      List<ApiClient.Reply> submits =
          race(
              i ->
                  cases(i)
                      .api()
                      .as(FaultSuite.CASEWORKER)
                      .post(
                          FaultSuite.ENGINE_REST + "/task/" + choose + "/submit-form",
                          TaskForms.request(offers.get(i % 2))));
      assertThat(submits)
          .as("submissions of the form of %s", reference)
          .filteredOn(r -> r.status() == 204)
          .hasSize(1);
      // the losers: 409 (optimistic locking), 404 (task gone) or, if the engine saw the task but no
      // longer its
      // candidate group, Camunda's 403 on the task; never a 500
      assertThat(submits)
          .filteredOn(r -> r.status() != 204)
          .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(403, 404, 409));
      List<Long> held =
          sql.queryForList(
              "SELECT offer_id FROM hold WHERE case_reference = ? AND status = 'HELD'",
              Long.class,
              reference);
      assertThat(held)
          .as("holds of %s: exactly the winner's request, no lost or doubled update", reference)
          .hasSize(1);

      // the provider accepts from both nodes at once
      long hold =
          sql.queryForObject(
              "SELECT id FROM hold WHERE case_reference = ? AND status = 'HELD'",
              Long.class,
              reference);
      String provider = onA.providerOf(hold);
      List<ApiClient.Reply> accepts =
          race(i -> cases(i).api().as(provider).post("/api/requests/" + hold + "/accept"));
      assertThat(accepts)
          .as("acceptances of %d", hold)
          .filteredOn(r -> r.status() == 204)
          .hasSize(1);
      assertThat(accepts)
          .filteredOn(r -> r.status() != 204)
          .allSatisfy(r -> assertThat(r.problem(409)).isNotNull());
      assertThat(onB.status(reference)).isEqualTo("PLACED");
      assertThat(
              sql.queryForObject(
                  "SELECT COUNT(*) FROM placement WHERE case_reference = ?",
                  Integer.class,
                  reference))
          .as("placements of %s", reference)
          .isEqualTo(1);
    }
    assertThat(overbookedOffers()).isEmpty();
  }

  @Test
  void dueTimersFireExactlyOnceInTheCluster() {
    List<String> references = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      references.add((i % 2 == 0 ? onA : onB).intake(9 + i % 8, "TODAY"));
    }
    int due =
        sql.update(
            """
        UPDATE act_ru_job SET duedate_ = now() - interval '1 minute' WHERE type_ = 'timer' AND handler_cfg_ LIKE ?
          AND process_instance_id_ IN (SELECT proc_inst_id_ FROM act_ru_execution WHERE business_key_ IN (%s))"""
                .formatted(String.join(",", references.stream().map(r -> "'" + r + "'").toList())),
            "%" + CaseProcess.Elements.DISTRICT_DEADLINE + "%");
    assertThat(due).isEqualTo(references.size());

    await(
        "all district deadlines fired",
        Duration.ofSeconds(60),
        () -> references.stream().allMatch(r -> notifications(r) >= 1));
    await(
        "no district deadline timer left",
        Duration.ofSeconds(30),
        () ->
            sql.queryForObject(
                    "SELECT COUNT(*) FROM act_ru_job WHERE handler_cfg_ LIKE ? AND duedate_ < now()",
                    Integer.class,
                    "%" + CaseProcess.Elements.DISTRICT_DEADLINE + "%")
                == 0);
    assertThat(references)
        .allSatisfy(r -> assertThat(notifications(r)).as("escalations of %s", r).isEqualTo(1));
    List<Map<String, Object>> byNode =
        sql.queryForList(
            """
        SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log
        WHERE act_id_ = ? AND job_state_ = 2 AND process_instance_id_ IN (
          SELECT id_ FROM act_hi_procinst WHERE business_key_ IN (%s)) GROUP BY hostname_"""
                .formatted(String.join(",", references.stream().map(r -> "'" + r + "'").toList())),
            CaseProcess.Elements.DISTRICT_DEADLINE);
    assertThat(byNode).as("timers executed per node").isNotEmpty();
    assertThat(byNode.stream().mapToLong(m -> ((Number) m.get("jobs")).longValue()).sum())
        .as("successful timer executions in the cluster: %s", byNode)
        .isEqualTo(references.size());
  }

  private Cases cases(int racer) {
    return racer % 2 == 0 ? onA : onB;
  }

  private int notifications(String reference) {
    return sql.queryForObject(
        "SELECT COUNT(*) FROM notification WHERE case_reference = ? AND kind = 'NETWORK_ESCALATION'",
        Integer.class,
        reference);
  }

  private List<Long> overbookedOffers() {
    return sql.queryForList(
        """
        SELECT o.id FROM offer o WHERE o.reported_free <
          (SELECT COALESCE(SUM(h.places), 0) FROM hold h WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > now())
          + (SELECT COALESCE(SUM(p.places), 0) FROM placement p
             WHERE p.offer_id = o.id AND p.started_at > o.reported_at AND p.ended_at IS NULL)""",
        Long.class);
  }

  /**
   * Runs one attempt per racer (even racers on node A, odd on node B) at the same instant, collects
   * the replies.
   */
  private List<ApiClient.Reply> race(java.util.function.IntFunction<ApiClient.Reply> attempt) {
    int racers = 2 * RACERS_PER_NODE;
    CountDownLatch ready = new CountDownLatch(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Reply>> futures = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      int racer = i;
      Callable<ApiClient.Reply> run =
          () -> {
            ready.countDown();
            start.await();
            return attempt.apply(racer);
          };
      futures.add(threads.submit(run));
    }
    try {
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<ApiClient.Reply> replies = new ArrayList<>();
      for (Future<ApiClient.Reply> future : futures) {
        replies.add(future.get(120, TimeUnit.SECONDS));
      }
      assertThat(replies)
          .as("no server error in a race")
          .allSatisfy(r -> assertThat(r.status()).as(r.body()).isLessThan(500));
      return replies;
    } catch (Exception e) {
      throw new AssertionError("a racer did not finish", e);
    }
  }
}
