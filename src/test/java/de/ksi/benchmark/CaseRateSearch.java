// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApiClient;
import de.ksi.testing.ApplicationProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 3's highest case rate (issue #22, decision 5): the most whole cases per second the packaged
 * application sustains with every call type's p95 under 200 ms, as a multiple of the bare engine's
 * authenticated REST start rate ({@link BareRestStarts}). The simulated users of part 3 run whole
 * cases without a stop while their pace (the mean think time) changes step by step: coarse, halving
 * or doubling the think time from {@value #FIRST_THINK_MILLIS} ms until one step meets the target
 * and one misses it; then fine, the geometric mean of the closest met and missed think times. Each
 * step settles for a few seconds, then is measured on its own.
 */
final class CaseRateSearch {

  private static final long FIRST_THINK_MILLIS = 1000;
  private static final int COARSE_STEPS = 4;
  private static final int FINE_STEPS = 3;
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final double TARGET_MILLIS = 200;

  /** Calls of one whole case, each after a think time ({@link RestCase}; a 409 adds its retry). */
  private static final int CALLS_PER_CASE = 13;

  /**
   * The users start one after another over one case's think times at the first pace, so that they
   * do not run in step.
   */
  private static final Duration STAGGER = Duration.ofMillis(CALLS_PER_CASE * FIRST_THINK_MILLIS);

  /** Long enough for every user to complete a case before the first step. */
  private static final Duration WARM_UP = STAGGER.multipliedBy(2);

  private final String heading;
  private final int users;
  private final Duration stepDuration;
  private final List<Step> steps = new ArrayList<>();
  private final AtomicLong completed = new AtomicLong();
  private volatile long thinkMillis = FIRST_THINK_MILLIS;
  private volatile CallTypes calls = new CallTypes();
  private volatile boolean running = true;
  private long applicationPid;

  CaseRateSearch(String heading, int users, Duration stepDuration) {
    this.heading = heading;
    this.users = users;
    this.stepDuration = stepDuration;
  }

  /** Searches on the running application (part 3's, after its paces). */
  void run(ApplicationProcess app, Map<Long, String> providerLogins) {
    applicationPid = app.pid();
    Benchmark.log("rate search: " + users + " users, warming up " + WARM_UP.toSeconds() + " s");
    ExecutorService pool = startUsers(new ApiClient(app.port()), providerLogins);
    sleep(WARM_UP);
    long met = 0;
    long missed = 0;
    long think = FIRST_THINK_MILLIS;
    for (int i = 0; i < COARSE_STEPS && (met == 0 || missed == 0); i++) {
      if (measure(think, "coarse").met()) {
        met = think;
        think /= 2;
      } else {
        missed = think;
        think *= 2;
      }
    }
    for (int i = 0; i < FINE_STEPS && met > 0 && missed > 0; i++) {
      think = Math.round(Math.sqrt(met * (double) missed));
      if (measure(think, "fine").met()) {
        met = think;
      } else {
        missed = think;
      }
    }
    // the users finish their cases without pausing, so that the application can stop
    running = false;
    thinkMillis = 0;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Table 3c: every step, and the highest rate met as a multiple of the bare engine's starts per
   * second.
   */
  Table table(double bareStartsPerSecond, String bareHeading) {
    Table table =
        new Table(
            heading
                + " Highest case rate with every call type's p95 under "
                + (int) TARGET_MILLIS
                + " ms (packaged application on PostgreSQL, "
                + users
                + " users, "
                + stepDuration.toSeconds()
                + " s per step)",
            "step",
            "mean think time ms",
            "offered cases/s (at most)",
            "cases/s achieved",
            "worst call (highest p95)",
            "its p95 ms",
            "errors",
            "every p95 < " + (int) TARGET_MILLIS + " ms, no error");
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      table.row(
          (i + 1) + " (" + step.kind() + ")",
          step.thinkMillis(),
          step.offered(),
          step.achieved(),
          step.worstCall(),
          step.worstP95(),
          step.errors(),
          step.met() ? "met" : "NOT met");
    }
    Optional<Step> highest =
        steps.stream().filter(Step::met).max(Comparator.comparingDouble(Step::achieved));
    table.note(
        highest
            .map(
                best ->
                    "**Highest case rate under "
                        + (int) TARGET_MILLIS
                        + " ms p95: "
                        + Table.format(best.achieved())
                        + " cases/s = "
                        + Table.format(best.achieved() / bareStartsPerSecond)
                        + "× the bare engine's authenticated REST start rate ("
                        + Table.format(bareStartsPerSecond)
                        + " starts/s, table "
                        + bareHeading
                        + ")**, at a mean think time of "
                        + best.thinkMillis()
                        + " ms (step "
                        + (steps.indexOf(best) + 1)
                        + "). "
                        + best.cpu())
            .orElse(
                "**No step met the target**, so no highest case rate under "
                    + (int) TARGET_MILLIS
                    + " ms p95 (the bare engine's authenticated REST start rate: "
                    + Table.format(bareStartsPerSecond)
                    + " starts/s, table "
                    + bareHeading
                    + ")."));
    table.note(
        "Method: the same "
            + users
            + " simulated users and whole cases as table 3, on the same application and database"
            + " right after the last pace, run without a stop while the pace changes; they start"
            + " one after another over the first "
            + STAGGER.toSeconds()
            + " s of a "
            + WARM_UP.toSeconds()
            + " s warm-up at the first step's pace. Each step settles for "
            + SETTLE.toSeconds()
            + " s and is then measured for "
            + stepDuration.toSeconds()
            + " s (-Dbenchmark.rate-seconds). Coarse steps halve or double the mean think time from "
            + FIRST_THINK_MILLIS
            + " ms until one step meets the target and one misses it, fine steps take the geometric"
            + " mean of the closest two. Offered is the rate the users would reach if every call"
            + " answered at once: users ÷ ("
            + CALLS_PER_CASE
            + " calls per case × mean think time). Achieved counts the cases completed within the"
            + " step. A case lasts about as long as a step, so a change of pace reaches this count"
            + " only gradually and a step still carries some of the pace before it: little after"
            + " the fine steps, which change the pace by √2, then ⁴√2, then ⁸√2, more after a"
            + " coarse one (2×). A step's p95 rests on some tens of calls per type (one intake per case), so a"
            + " few slow calls decide it and neighbouring steps may disagree.");
    return table;
  }

  /**
   * Every user runs whole cases one after another, the first ones started in turn, and records into
   * the calls of the moment.
   */
  private ExecutorService startUsers(ApiClient api, Map<Long, String> providerLogins) {
    ExecutorService pool = Executors.newFixedThreadPool(users);
    for (int i = 0; i < users; i++) {
      int user = i;
      pool.execute(
          () -> {
            sleep(STAGGER.multipliedBy(user).dividedBy(users));
            String caseworker = LoadBenchmark.caseworker(user);
            String office = LoadBenchmark.office(user);
            Random random = new Random(user);
            RestCase restCase = new RestCase(api, () -> calls, providerLogins, () -> thinkMillis);
            while (running) {
              if (restCase.run(caseworker, office, 12 + random.nextInt(5))) {
                completed.incrementAndGet();
              }
            }
          });
    }
    return pool;
  }

  private Step measure(long think, String kind) {
    thinkMillis = think;
    sleep(SETTLE);
    CallTypes measured = new CallTypes();
    calls = measured;
    long before = completed.get();
    Optional<CpuUse> cpu = CpuUse.start(applicationPid);
    sleep(stepDuration);
    long cases = completed.get() - before;
    String cpuUse = cpu.map(CpuUse::since).orElse("");
    calls = new CallTypes();
    String worstCall = "";
    double worstP95 = 0;
    for (Map.Entry<String, Latency> call : measured.all().entrySet()) {
      double p95 = call.getValue().millis(95);
      if (p95 >= worstP95) {
        worstCall = call.getKey();
        worstP95 = p95;
      }
    }
    Step step =
        new Step(
            kind,
            think,
            users / (CALLS_PER_CASE * think / 1000.0),
            cases / (double) stepDuration.toSeconds(),
            worstCall,
            worstP95,
            measured.errors(),
            cpuUse);
    steps.add(step);
    Benchmark.log(
        "rate search: think "
            + think
            + " ms: "
            + Table.format(step.achieved())
            + " cases/s, worst p95 "
            + Table.format(worstP95)
            + " ms ("
            + worstCall
            + "), "
            + (step.met() ? "met" : "NOT met"));
    return step;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One step of the search. */
  private record Step(
      String kind,
      long thinkMillis,
      double offered,
      double achieved,
      String worstCall,
      double worstP95,
      long errors,
      String cpu) {

    boolean met() {
      return worstP95 < TARGET_MILLIS && errors == 0 && achieved > 0;
    }
  }
}
