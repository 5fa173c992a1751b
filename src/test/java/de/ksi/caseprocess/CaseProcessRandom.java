// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.PlacementView;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of caseworker, provider, coordinator and clock actions on the real engine and
 * database, through the real entry points ({@code /api}, {@code /engine-rest}), with races: two
 * acceptances at the same moment, a phone placement while requests are open, answers after the
 * deadline. After every step: no call answered 5xx, every open case can go on (a task of its flow
 * or a due timer, no incident, no failed job), and the registry's invariants hold (a place is never
 * given twice, a placed or closed case holds nothing, at most one placement per case).
 *
 * <p>The seed is logged; replay a failure with {@code -Dksi.random.seed=<seed>}. {@code
 * ksi.random.steps} and {@code ksi.random.seconds} bound the run (defaults 400 steps, 60 seconds).
 * Runs on H2 ({@link CaseProcessRandomIT}, in {@code mvn verify}) and PostgreSQL ({@link
 * CaseProcessRandomPostgresIT}).
 */
abstract class CaseProcessRandom {

  private static final Logger LOG = LoggerFactory.getLogger(CaseProcessRandom.class);
  private static final List<District> OFFICES = List.of(District.PINNEBERG, District.NORDERSTEDT);
  private static final List<String> FLOW =
      List.of(
          SearchElements.CHOOSE,
          SearchElements.ANSWER,
          Elements.LEVEL2_DECISION,
          Elements.DECIDE_OUTCOME,
          Elements.HANDOVER);

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired CapacityRegistry registry;
  @Autowired IntakeService cases;
  @Autowired JdbcTemplate jdbc;

  private final long seed = Long.getLong("ksi.random.seed", System.nanoTime());
  private final Random random = new Random(seed);
  private final List<String> trace = new ArrayList<>();
  private final Map<String, String> logins = new HashMap<>();
  private final List<String> refs = new ArrayList<>();
  private final List<Long> offers = new ArrayList<>();
  private ApiClient api;
  private long offsetMillis;

  @Test
  void randomActionsAndRacesNeverLeaveACaseStuckNorBreakTheRegistryNorAnswer5xx() {
    LOG.info("CaseProcessRandom seed {} (replay with -Dksi.random.seed={})", seed, seed);
    api = new ApiClient(port);
    for (District office : OFFICES) {
      logins.put(
          office.groupId(),
          fixtures.user(
              "rnd-fk-" + UUID.randomUUID().toString().substring(0, 8), office.groupId()));
      for (int i = 0; i < 3; i++) {
        offers.add(
            fixtures.offer(office, Category.INOBHUTNAHME_GRUPPE, 3, 1 + random.nextInt(3)).id());
      }
    }
    logins.put(
        Groups.COORDINATORS,
        fixtures.user(
            "rnd-koord-" + UUID.randomUUID().toString().substring(0, 8), Groups.COORDINATORS));
    int steps = Integer.getInteger("ksi.random.steps", 400);
    Instant end = Instant.now().plusSeconds(Long.getLong("ksi.random.seconds", 60));
    for (int step = 0; step < steps && Instant.now().isBefore(end); step++) {
      act(step);
      checkInvariants();
    }
    LOG.info(
        "CaseProcessRandom seed {}: {} actions on {} cases, answers {}",
        seed,
        trace.size(),
        refs.size(),
        trace.stream()
            .filter(t -> t.contains(" -> "))
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.substring(t.lastIndexOf(" -> ") + 4),
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting())));
  }

  private void act(int step) {
    List<Task> flow =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKeyIn(
                refs.isEmpty() ? new String[] {"none"} : refs.toArray(String[]::new))
            .taskDefinitionKeyIn(FLOW.toArray(String[]::new))
            .list();
    int roll = random.nextInt(100);
    if (roll < 12 && openCases() < 5 || refs.isEmpty()) {
      intake();
    } else if (roll < 20) {
      moveClockAndFireDueTimers();
    } else if (roll < 30 && !ofKind(flow, SearchElements.ANSWER).isEmpty()) {
      race(pick(ofKind(flow, SearchElements.ANSWER)));
    } else if (roll < 36 && !ofKind(flow, SearchElements.ANSWER).isEmpty()) {
      phonePlacement(pick(ofKind(flow, SearchElements.ANSWER)));
    } else if (!flow.isEmpty()) {
      Task task = pick(flow);
      switch (task.getTaskDefinitionKey()) {
        case SearchElements.CHOOSE -> choose(task);
        case SearchElements.ANSWER -> answer(task, channel());
        case Elements.LEVEL2_DECISION ->
            submit(
                task,
                """
            {"emergencyMeasure": {"value": "NOTBETT"}, "emergencyReason": {"value": "Kein Platz im Verbund"},
             "placedProvider": {"value": "Notbett Jugendamt"}}""");
        case Elements.DECIDE_OUTCOME ->
            submit(
                task,
                random.nextBoolean()
                    ? "{\"outcome\": {\"value\": \"RETURN_HOME\"}, \"outcomeNote\": {\"value\": \"zurück\"}}"
                    : "{\"outcome\": {\"value\": \"HANDOVER_OFFICE\"}, \"handoverOffice\": {\"value\": \"EXTERN\"}}");
        default ->
            submit(
                task,
                "{\"handoverDate\": {\"value\": \"03.12.2026\"}, \"handoverNote\": {\"value\": \"ok\"}}");
      }
    } else {
      moveClockAndFireDueTimers();
    }
  }

  private void intake() {
    District office = OFFICES.get(random.nextInt(OFFICES.size()));
    String body =
        """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": %d, "gender": "%s", "siblings": %d,
         "urgency": "%s", "currentLocation": "Polizeirevier", "languages": "Deutsch | Arabisch"}"""
            .formatted(
                office,
                8 + random.nextInt(10),
                random.nextBoolean() ? "FEMALE" : "MALE",
                1 + random.nextInt(2),
                random.nextInt(3) == 0 ? "TODAY" : "IMMEDIATE");
    ApiClient.Caller caller =
        api.as(logins.get(office.groupId())).with("Idempotency-Key", UUID.randomUUID().toString());
    var created = call("intake " + office, () -> caller.post("/api/cases", body));
    if (created.status() == 201) {
      refs.add(created.json().get("caseReference").asText());
      if (random.nextInt(5) == 0) {
        var replayed = call("intake replayed", () -> caller.post("/api/cases", body));
        assertThat(replayed.status()).as(context()).isEqualTo(409);
      }
    }
  }

  private void choose(Task task) {
    List<String> candidates = new ArrayList<>();
    Object options =
        engine
            .getFormService()
            .getTaskFormVariables(task.getId(), List.of(CaseProcess.Vars.CANDIDATES), true)
            .get(CaseProcess.Vars.CANDIDATES);
    if (options instanceof SpinJsonNode json) {
      json.elements().forEach(o -> candidates.add(o.prop("value").stringValue()));
    }
    int choice = random.nextInt(10);
    if (choice < 6 && !candidates.isEmpty()) {
      List<String> chosen = new ArrayList<>();
      for (int i = 0; i <= random.nextInt(3) && i < candidates.size(); i++) {
        chosen.add("\\\"" + candidates.get(random.nextInt(candidates.size())) + "\\\"");
      }
      submit(
          task,
          "{\"choice\": {\"value\": \"REQUEST\"}, \"selectedOffers\": {\"value\": \"[%s]\", \"type\": \"Json\"}}"
              .formatted(String.join(",", chosen.stream().distinct().toList())));
    } else if (choice < 7) {
      submit(task, "{\"choice\": {\"value\": \"BEST\"}}");
    } else if (choice < 8 && !candidates.isEmpty()) {
      submit(
          task,
          "{\"choice\": {\"value\": \"PHONE\"}, \"phoneOffer\": {\"value\": %s}, \"phoneNote\": {\"value\": \"Frau K.\"}}"
              .formatted(candidates.get(random.nextInt(candidates.size()))));
    } else {
      submit(task, "{\"choice\": {\"value\": \"GIVE_UP\"}}");
    }
  }

  /**
   * A provider answers over one of its channels: accept or decline, over /api or the Tasklist form.
   */
  private ApiClient.Reply answer(Task task, int channel) {
    Object holdId =
        engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0
            ? null
            : engine.getTaskService().getVariable(task.getId(), CaseProcess.Vars.HOLD_ID);
    if (holdId == null) {
      return null;
    }
    long hold = ((Number) holdId).longValue();
    ApiClient.Caller provider = api.as(login(registry.holdView(hold).providerGroup()));
    return switch (channel) {
      case 0 ->
          call(
              "accept over /api " + hold, () -> provider.post("/api/requests/" + hold + "/accept"));
      case 1 ->
          call(
              "decline over /api " + hold,
              () ->
                  provider.post(
                      "/api/requests/" + hold + "/decline",
                      "{\"reason\": \"STAFF_SHORTAGE\", \"note\": \"voll|belegt\"}"));
      case 2 ->
          call(
              "accept over the form " + hold,
              () ->
                  provider.post(
                      engineRest() + "/task/" + task.getId() + "/submit-form",
                      "{\"variables\": {\"decision\": {\"value\": \"ACCEPT\"}}}"));
      default ->
          call(
              "decline over the form " + hold,
              () ->
                  provider.post(
                      engineRest() + "/task/" + task.getId() + "/submit-form",
                      "{\"variables\": {\"decision\": {\"value\": \"DECLINE\"}, \"declineReason\": {\"value\": \"OTHER\"}}}"));
    };
  }

  /**
   * Two acceptances at the same instant: of two providers of the case, or of the same request over
   * both channels.
   */
  private void race(Task task) {
    List<Task> siblings =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey(SearchElements.ANSWER)
            .list();
    Task other =
        siblings.size() > 1 && random.nextBoolean()
            ? siblings.stream()
                .filter(t -> !t.getId().equals(task.getId()))
                .findFirst()
                .orElseThrow()
            : task;
    CountDownLatch start = new CountDownLatch(1);
    var first = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> answer(task, 0)));
    var second = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> answer(other, 2)));
    start.countDown();
    long accepted =
        java.util.stream.Stream.of(first.join(), second.join())
            .filter(r -> r != null && r.status() == 204)
            .count();
    trace.add("race " + task.getId() + " / " + other.getId() + ": " + accepted + " accepted");
    assertThat(accepted)
        .as("at most one of two simultaneous acceptances wins; " + context())
        .isLessThanOrEqualTo(1);
  }

  private void phonePlacement(Task request) {
    String ref =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(request.getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
    CustodyCase c = cases.byReference(ref);
    String offer =
        random.nextBoolean()
            ? "\"offerId\": " + offers.get(random.nextInt(offers.size())) + ", "
            : "";
    call(
        "phone placement " + ref,
        () ->
            api.as(logins.get(c.getOffice().groupId()))
                .post(
                    "/api/cases/" + ref + "/phone-placement",
                    "{" + offer + "\"note\": \"Haus | Linde\"}"));
  }

  private void moveClockAndFireDueTimers() {
    offsetMillis += Duration.ofMinutes(2 + random.nextInt(30)).toMillis();
    ClockUtil.offset(offsetMillis);
    trace.add("clock +" + Duration.ofMillis(offsetMillis).toMinutes() + " min");
    for (String ref : refs) {
      for (var instance :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(ref)
              .list()) {
        for (Job job :
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .list()) {
          if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
            trace.add("timer " + job.getId() + " of " + ref);
            try {
              engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException e) {
              throw new AssertionError(
                  "job " + job.getId() + " of " + ref + " failed; " + context(), e);
            }
          }
        }
      }
    }
  }

  private void checkInvariants() {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    for (String ref : refs) {
      CustodyCase c = cases.byReference(ref);
      List<String> instances =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(ref)
              .list()
              .stream()
              .map(p -> p.getId())
              .toList();
      if (c.getStatus() != CustodyCase.Status.CLOSED) {
        long tasks =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(ref)
                .taskDefinitionKeyIn(FLOW.toArray(String[]::new))
                .count();
        long timers =
            instances.stream()
                .mapToLong(
                    i ->
                        engine
                                    .getManagementService()
                                    .createJobQuery()
                                    .processInstanceId(i)
                                    .timers()
                                    .noRetriesLeft()
                                    .count()
                                == 0
                            ? engine
                                .getManagementService()
                                .createJobQuery()
                                .processInstanceId(i)
                                .timers()
                                .count()
                            : 0)
                .sum();
        assertThat(tasks + timers)
            .as("open case %s has a task of its flow or a due timer; %s", ref, context())
            .isPositive();
      }
      for (String instance : instances) {
        assertThat(
                engine
                    .getRuntimeService()
                    .createIncidentQuery()
                    .processInstanceId(instance)
                    .count())
            .as("no incident in %s; %s", ref, context())
            .isZero();
      }
      List<PlacementView> active =
          registry.placementsOf(ref).stream().filter(p -> p.endedAt() == null).toList();
      assertThat(active)
          .as("at most one place occupied by %s; %s", ref, context())
          .hasSizeLessThanOrEqualTo(1);
      if (c.getStatus() != CustodyCase.Status.OPEN) {
        assertThat(registry.holdsOf(ref))
            .as("a %s case holds no place: %s; %s", c.getStatus(), ref, context())
            .noneMatch(h -> h.status() == HoldStatus.HELD);
      }
      if (c.getStatus() == CustodyCase.Status.CLOSED) {
        assertThat(active)
            .as("a closed case occupies no emergency place: %s; %s", ref, context())
            .isEmpty();
      }
    }
    for (long offer : offers) {
      Integer overbooked =
          jdbc.queryForObject(
              """
          SELECT o.reported_free
               - COALESCE((SELECT SUM(h.places) FROM hold h WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > ?), 0)
               - COALESCE((SELECT SUM(p.places) FROM placement p WHERE p.offer_id = o.id AND p.hold_id IS NOT NULL
                           AND p.started_at > o.reported_at AND p.ended_at IS NULL), 0)
          FROM offer o WHERE o.id = ?""",
              Integer.class,
              now,
              offer);
      assertThat(overbooked)
          .as("offer %d is never given twice; %s", offer, context())
          .isNotNegative();
    }
  }

  private ApiClient.Reply submit(Task task, String variables) {
    String user = login(candidateGroup(task));
    return call(
        task.getTaskDefinitionKey() + " " + task.getId() + " " + variables.replaceAll("\\s+", " "),
        () ->
            api.as(user)
                .post(
                    engineRest() + "/task/" + task.getId() + "/submit-form",
                    "{\"variables\": " + variables + "}"));
  }

  private ApiClient.Reply call(String action, Supplier<ApiClient.Reply> request) {
    ApiClient.Reply reply = request.get();
    synchronized (trace) {
      trace.add(action + " -> " + reply.status());
    }
    assertThat(reply.status())
        .as("%s answered %s; %s", action, reply.body(), context())
        .isLessThan(500);
    return reply;
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElse(Groups.COORDINATORS);
  }

  /**
   * A login acting for the group: the test's caseworkers, a coordinator, or a new provider login.
   */
  private synchronized String login(String group) {
    return logins.computeIfAbsent(
        group, g -> fixtures.user("rnd-" + UUID.randomUUID().toString().substring(0, 8), g));
  }

  private int channel() {
    return random.nextInt(4);
  }

  private long openCases() {
    return refs.stream()
        .filter(r -> cases.byReference(r).getStatus() != CustodyCase.Status.CLOSED)
        .count();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static List<Task> ofKind(List<Task> tasks, String key) {
    return tasks.stream().filter(t -> key.equals(t.getTaskDefinitionKey())).toList();
  }

  private static <T> T awaitThen(CountDownLatch start, Supplier<T> action) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return action.get();
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private String context() {
    synchronized (trace) {
      return "seed "
          + seed
          + " (replay with -Dksi.random.seed="
          + seed
          + "), last steps: "
          + trace.subList(Math.max(0, trace.size() - 12), trace.size());
    }
  }
}
