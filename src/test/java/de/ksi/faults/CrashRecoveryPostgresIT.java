// SPDX-License-Identifier: EUPL-1.2
package de.ksi.faults;

import static de.ksi.faults.FaultSuite.await;
import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.faults.FaultSuite.Cases;
import de.ksi.intake.EscalationLevel;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import de.ksi.testing.ThrowawayDatabase;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application is killed hard (SIGKILL) with two dozen cases in flight on PostgreSQL and started
 * again on the same database: every case is still there at the same wait state, holds are still
 * valid or expired and freed, no placement is lost or doubled, and timers that fell due while it
 * was down fire after the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryPostgresIT {

  private final ThrowawayDatabase db = ThrowawayDatabase.create();
  private final JdbcTemplate sql = db.jdbc();
  private ApplicationProcess app;

  @AfterAll
  void stop() {
    try {
      if (app != null) {
        app.stop();
      }
    } finally {
      db.close();
    }
  }

  @Test
  void aKilledApplicationRestartsWithEveryCaseAtItsWaitStateAndFiresDueTimers() throws Exception {
    app = FaultSuite.application("crash", db.url(), db.user()).start();
    Cases cases = new Cases(app.port());
    cases.reportAllPlacesFree(sql);

    // 8 cases wait for a candidate choice, 8 for providers' answers (holds), 8 are placed (legal
    // duties open)
    List<String> choosing = new ArrayList<>();
    List<String> requested = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String reference = cases.intake(10 + i % 6, "IMMEDIATE");
      if (i % 3 == 0) {
        choosing.add(reference);
        continue;
      }
      List<Long> candidates = cases.candidates(reference);
      assertThat(candidates).as("candidates of %s", reference).isNotEmpty();
      cases.request(reference, candidates.subList(0, 1)).expect(204);
      if (i % 3 == 1) {
        requested.add(reference);
      } else {
        long hold = heldHolds(reference).get(0);
        String provider = cases.providerOf(hold);
        assertThat(cases.api().as(provider).post("/api/requests/" + hold + "/accept").status())
            .isEqualTo(204);
        placed.add(reference);
      }
    }
    assertThat(placed)
        .allSatisfy(reference -> assertThat(cases.status(reference)).isEqualTo("PLACED"));

    // intakes keep arriving while the process is killed: each either answered 201 before, or never
    // did
    List<String> answered = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread intakes =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  ApiClient.Reply reply = cases.tryIntake(FaultSuite.CASEWORKER, 9, "TODAY");
                  if (reply.status() == 201) {
                    answered.add(reply.json().get("caseReference").asText());
                  }
                } catch (UncheckedIOException killed) {
                  return;
                }
              }
            });
    intakes.start();
    await("some intakes during the kill", Duration.ofSeconds(30), () -> answered.size() >= 3);
    String runOut = requested.get(2);
    List<Long> runOutHolds = heldHolds(runOut);
    Map<Long, Integer> freeBefore = new TreeMap<>();
    Map<Long, Integer> expiredPlaces = new TreeMap<>();
    for (long hold : runOutHolds) {
      Map<String, Object> row =
          sql.queryForMap("SELECT offer_id, places FROM hold WHERE id = ?", hold);
      long offer = ((Number) row.get("offer_id")).longValue();
      freeBefore.put(offer, cases.free(offer));
      expiredPlaces.merge(offer, ((Number) row.get("places")).intValue(), Integer::sum);
    }
    assertThat(app.kill()).as("exit code of SIGKILL").isEqualTo(ApplicationProcess.SIGKILL_EXIT);
    running.set(false);
    intakes.join(10_000);
    Snapshot before = snapshot();

    // while it is down, three district deadlines and two providers' response deadlines fall due,
    // and one hold runs out (the registry's own expiry, no timer)
    List<String> escalating = choosing.subList(0, 3);
    List<String> expiring = requested.subList(0, 2);
    makeTimersDue(escalating, CaseProcess.Elements.DISTRICT_DEADLINE);
    makeTimersDue(expiring, CaseProcess.SearchElements.RESPONSE_DEADLINE);
    sql.update(
        "UPDATE hold SET expires_at = now() - interval '1 minute' WHERE case_reference = ? AND status = 'HELD'",
        runOut);

    app = app.restart();
    Cases after = new Cases(app.port());

    // every case that was answered before the kill is there, and nothing is half-written
    assertThat(referencesOfCases())
        .containsAll(answered)
        .containsAll(choosing)
        .containsAll(requested)
        .containsAll(placed);
    FaultSuite.assertConsistent(sql);

    // cases no timer touched wait exactly where they waited
    Snapshot now = snapshot();
    for (String reference : before.tasks.keySet()) {
      if (!escalating.contains(reference) && !expiring.contains(reference)) {
        assertThat(now.tasks.get(reference))
            .as("open tasks of %s", reference)
            .isEqualTo(before.tasks.get(reference));
        assertThat(now.status.get(reference))
            .as("status of %s", reference)
            .isEqualTo(before.status.get(reference));
      }
    }
    assertThat(now.placements).as("placements").isEqualTo(before.placements);

    // a hold that ran out while the application was down is expired and its place free again
    for (long hold : runOutHolds) {
      assertThat(
              after
                  .api()
                  .as(FaultSuite.CASEWORKER)
                  .get("/api/holds/" + hold)
                  .expect(200)
                  .get("status")
                  .asText())
          .isEqualTo("EXPIRED");
    }
    freeBefore.forEach(
        (offer, free) ->
            assertThat(after.free(offer))
                .as("free places of offer %d", offer)
                .isEqualTo(free + expiredPlaces.get(offer)));

    // the timers that fell due fire after the restart, each exactly once
    await(
        "district deadlines escalate " + escalating,
        Duration.ofSeconds(60),
        () -> escalating.stream().allMatch(r -> notifications(r, "NETWORK_ESCALATION") >= 1));
    await(
        "response deadlines end the requests of " + expiring,
        Duration.ofSeconds(60),
        () -> expiring.stream().allMatch(r -> heldHolds(r).isEmpty()));
    assertThat(escalating)
        .allSatisfy(r -> assertThat(notifications(r, "NETWORK_ESCALATION")).isEqualTo(1));
    assertThat(escalating)
        .allSatisfy(
            r ->
                assertThat(
                        sql.queryForObject(
                            "SELECT escalation_level FROM custody_case WHERE reference = ?",
                            String.class,
                            r))
                    .isEqualTo(EscalationLevel.NETWORK.value()));
    FaultSuite.assertConsistent(sql);

    // and the restarted application serves a whole new request
    String fresh = after.intake(12, "IMMEDIATE");
    assertThat(after.candidates(fresh)).isNotEmpty();
  }

  /** Open tasks per case, case statuses and all placements, straight from the database. */
  record Snapshot(
      Map<String, List<String>> tasks,
      Map<String, String> status,
      List<Map<String, Object>> placements) {}

  private Snapshot snapshot() {
    Map<String, List<String>> tasks = new TreeMap<>();
    sql.query(
        """
        SELECT e.business_key_, t.task_def_key_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
        ORDER BY e.business_key_, t.task_def_key_""",
        rs -> {
          tasks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<String, String> status =
        sql.queryForList("SELECT reference, status FROM custody_case").stream()
            .collect(
                Collectors.toMap(
                    r -> (String) r.get("reference"),
                    r -> (String) r.get("status"),
                    (a, b) -> a,
                    TreeMap::new));
    List<Map<String, Object>> placements =
        sql.queryForList(
            "SELECT id, offer_id, hold_id, case_reference, places, ended_at FROM placement ORDER BY id");
    return new Snapshot(tasks, status, placements);
  }

  private List<String> referencesOfCases() {
    return sql.queryForList("SELECT reference FROM custody_case", String.class);
  }

  private List<Long> heldHolds(String reference) {
    return sql.queryForList(
        "SELECT id FROM hold WHERE case_reference = ? AND status = 'HELD' AND expires_at > now() ORDER BY id",
        Long.class,
        reference);
  }

  private int notifications(String reference, String kind) {
    return sql.queryForObject(
        "SELECT COUNT(*) FROM notification WHERE case_reference = ? AND kind = ?",
        Integer.class,
        reference,
        kind);
  }

  /**
   * Moves the timers of these cases at this boundary event into the past, as if the deadline had
   * passed.
   */
  private void makeTimersDue(List<String> references, String activityId) {
    for (String reference : references) {
      int moved =
          sql.update(
              """
          UPDATE act_ru_job SET duedate_ = now() - interval '1 minute'
          WHERE type_ = 'timer' AND handler_cfg_ LIKE ? AND process_instance_id_ IN (
            SELECT e.proc_inst_id_ FROM act_ru_execution e WHERE e.business_key_ = ?)""",
              "%" + activityId + "%",
              reference);
      assertThat(moved).as("%s timers of %s", activityId, reference).isPositive();
    }
  }
}
