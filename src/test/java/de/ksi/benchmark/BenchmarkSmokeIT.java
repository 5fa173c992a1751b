// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

/**
 * The benchmark still runs after a change to the product: our case and the bare-engine baseline
 * each go from start to end in the in-process application on H2, as the lifecycle part drives them.
 * No figure is judged here (that is the benchmark's report on a quiet machine, docs/benchmarks.md);
 * this only keeps `mvn -Pbenchmark verify` from breaking unseen.
 */
class BenchmarkSmokeIT {

  @Test
  void ourCaseAndTheBaselineEachRunToTheirEnd() {
    try (InProcessApp app = InProcessApp.start(Database.H2)) {
      HistoryService history = app.bean(ProcessEngine.class).getHistoryService();

      ExecutedElements ours = ExecutedElements.of(history, new CaseLifecycle(app).run(900_001));
      ExecutedElements baseline =
          ExecutedElements.of(history, new BaselineLifecycle(app).run(900_002));

      assertThat(ours.unfinished()).as("our case ended: " + ours).isZero();
      assertThat(baseline.unfinished()).as("the baseline ended: " + baseline).isZero();
      assertThat(ours.userTasks()).isPositive();
      assertThat(baseline.userTasks()).isPositive();
    }
  }
}
