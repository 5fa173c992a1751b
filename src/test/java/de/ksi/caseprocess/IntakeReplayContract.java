// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A repeated intake with the same Idempotency-Key registers no second case. Runs on H2 ({@link
 * IntakeReplayIT}) and PostgreSQL ({@link IntakeReplayPostgresIT}), where concurrent repeats meet
 * on the key's unique index.
 */
abstract class IntakeReplayContract {

  private static final String INTAKE =
      """
      {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 9, "gender": "MALE",
       "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier %s"}""";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntakeReplays replays;

  private ApiClient api;
  private String caseworker;

  @BeforeEach
  void caseworker() {
    api = new ApiClient(port);
    caseworker =
        fixtures.user(
            "it-replay-" + UUID.randomUUID().toString().substring(0, 8),
            District.SEGEBERG.groupId());
  }

  @Test
  void repeatedIntakeIsAnsweredWithTheCaseAlreadyRegistered() {
    String key = UUID.randomUUID().toString();
    var first =
        api.as(caseworker).with("Idempotency-Key", key).post("/api/cases", INTAKE.formatted(key));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String reference = first.json().get("caseReference").asText();
    int cases = cases();

    var again =
        api.as(caseworker)
            .with("Idempotency-Key", key)
            .inGerman()
            .post("/api/cases", INTAKE.formatted(key));

    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains(reference, "bereits");
    assertThat(again.json().get("caseReference").asText())
        .as("the case as a field of its own")
        .isEqualTo(reference);
    assertThat(cases()).as("no second case").isEqualTo(cases);
    assertThat(processes(reference)).as("one case process").isEqualTo(1);
  }

  @Test
  void anotherKeyOrAnotherCaseworkerRegistersAnotherCase() {
    String key = UUID.randomUUID().toString();
    String colleague =
        fixtures.user(
            "it-replay-" + UUID.randomUUID().toString().substring(0, 8),
            District.SEGEBERG.groupId());
    int cases = cases();

    assertThat(
            api.as(caseworker)
                .with("Idempotency-Key", key)
                .post("/api/cases", INTAKE.formatted(key))
                .status())
        .isEqualTo(201);
    assertThat(
            api.as(caseworker)
                .with("Idempotency-Key", key + "-2")
                .post("/api/cases", INTAKE.formatted(key))
                .status())
        .isEqualTo(201);
    assertThat(
            api.as(colleague)
                .with("Idempotency-Key", key)
                .post("/api/cases", INTAKE.formatted(key))
                .status())
        .isEqualTo(201);
    assertThat(api.as(caseworker).post("/api/cases", INTAKE.formatted(key)).status())
        .as("without a key as before")
        .isEqualTo(201);

    assertThat(cases()).isEqualTo(cases + 4);
  }

  @Test
  void malformedKeyIsRefusedAndStoresNothing() {
    int cases = cases();

    var refused =
        api.as(caseworker)
            .with("Idempotency-Key", "kurz")
            .post("/api/cases", INTAKE.formatted("x"));
    var script =
        api.as(caseworker)
            .with("Idempotency-Key", "<script>alert(1)</script>")
            .post("/api/cases", INTAKE.formatted("x"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.problem(400).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(script.status()).isEqualTo(400);
    assertThat(cases()).isEqualTo(cases);
  }

  @Test
  void anIntakeThatFailsLeavesItsKeyFree() {
    String key = UUID.randomUUID().toString();
    var adult =
        api.as(caseworker)
            .with("Idempotency-Key", key)
            .post(
                "/api/cases",
                INTAKE.formatted(key).replace("\"estimatedAge\": 9", "\"estimatedAge\": 19"));
    assertThat(adult.status()).isEqualTo(400);

    var corrected =
        api.as(caseworker).with("Idempotency-Key", key).post("/api/cases", INTAKE.formatted(key));

    assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
  }

  @Test
  void concurrentRepeatsRegisterExactlyOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    int cases = cases();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> sends = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sends.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return api.as(caseworker)
                    .with("Idempotency-Key", key)
                    .post("/api/cases", INTAKE.formatted(key))
                    .status();
              }));
    }
    start.countDown();
    List<Integer> statuses = sends.stream().map(CompletableFuture::join).toList();

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(3);
    assertThat(cases()).isEqualTo(cases + 1);
  }

  @Test
  void keysAreForgottenAfterADay() {
    String key = UUID.randomUUID().toString();
    assertThat(
            api.as(caseworker)
                .with("Idempotency-Key", key)
                .post("/api/cases", INTAKE.formatted(key))
                .status())
        .isEqualTo(201);

    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(25, ChronoUnit.HOURS)));
    replays.forgetOldKeys();

    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM intake_key WHERE idempotency_key = ?", Integer.class, key))
        .isZero();
  }

  private int cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM custody_case", Integer.class);
  }

  private int processes(String reference) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = ?",
        Integer.class,
        reference,
        CaseProcess.KEY);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
