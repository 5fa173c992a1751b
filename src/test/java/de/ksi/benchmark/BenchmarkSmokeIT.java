// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark still runs after a change to the product: our case and the bare-engine baseline
 * each go from start to end, driven as the lifecycle part drives them, here in the shared H2 test
 * application (a second application in the test JVM would take over the Camunda webapps' static
 * state when it closes), and the baseline still executes what ours does. No figure is judged here
 * (that is the benchmark's report on a quiet machine, docs/benchmarks.md); this only keeps `mvn
 * -Pbenchmark verify` from breaking or comparing different work unseen.
 */
@KsiIntegrationTest
class BenchmarkSmokeIT {

  @Autowired ConfigurableApplicationContext context;
  @Autowired Fixtures fixtures;

  @Test
  void ourCaseAndTheSameShapeBaselineEachRunToTheirEnd() {
    try (InProcessApp app = InProcessApp.running(context)) {
      HistoryService history = app.bean(ProcessEngine.class).getHistoryService();

      String reference = new CaseLifecycle(app).run(900_001);
      ExecutedElements ours = ExecutedElements.of(history, reference);
      ExecutedElements baseline =
          ExecutedElements.of(history, new BaselineLifecycle(app).run(900_002));

      assertThat(ours.unfinished()).as("our case ended: " + ours).isZero();
      assertThat(baseline.unfinished()).as("the baseline ended: " + baseline).isZero();
      assertThat(ours.processInstances()).as("case, search and duties").isEqualTo(3);
      assertThat(ours.count("businessRuleTask")).as("both decisions").isEqualTo(2);
      assertThat(ours.count("callActivity")).as("search and duties called").isEqualTo(2);
      assertThat(baseline.byType())
          .as("the baseline executes the same elements as ours, type by type")
          .isEqualTo(ours.byType());
      assertThat(baseline.timersCreated()).as("timers created").isEqualTo(ours.timersCreated());
      assertThat(baseline.processInstances())
          .as("process instances")
          .isEqualTo(ours.processInstances());
      assertThat(baseline.sameShapeAs(ours)).isTrue();

      // issue #22, decision 3: a lifecycle of all three processes carries at most 25 variables
      List<String> variables =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(fixtures.instancesOf(reference))
              .includeDeleted()
              .list()
              .stream()
              .map(v -> v.getProcessDefinitionKey() + "." + v.getName())
              .sorted()
              .toList();
      System.out.println("VARIABLES " + variables.size() + " " + variables);
      assertThat(variables).as("the variables of one lifecycle").hasSizeLessThanOrEqualTo(25);
    }
  }
}
