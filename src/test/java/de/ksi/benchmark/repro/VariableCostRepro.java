// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark.repro;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.slf4j.LoggerFactory;

/**
 * What one process variable costs Camunda 7 per process instance, with history {@code full} and
 * {@code none}, on a plain engine (no Spring, no code of ours): a process with one user task is
 * started with n string variables and its task completed; the same through a call activity that
 * maps all variables in and out ({@code camunda:in variables="all"}, {@code camunda:out
 * variables="all"}) and through one that maps none. Prints ms per instance for each n and the slope
 * in ms per variable; asserts nothing.
 *
 * <p>Run: {@code mvn -o -B -Pbenchmark verify -Dbenchmark.parts=repro} (H2 in memory), or as a
 * plain main on a classpath of camunda-engine, its dependencies and a JDBC driver; {@code
 * -Drepro.url=jdbc:postgresql://…/db -Drepro.user=… -Drepro.password=…} for another database (its
 * schema is created and dropped), {@code -Drepro.seconds=1} per measurement (three rounds).
 */
public final class VariableCostRepro {

  private static final int[] VARIABLES = {0, 8, 16, 32, 64};
  private static final int ROUNDS = 3;
  private static final String FLAT = "flat";
  private static final String CALL_ALL = "callAll";
  private static final String CALL_NONE = "callNone";
  private static final String CALLEE = "callee";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private int sequence;

  private VariableCostRepro(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  public static void main(String[] args) {
    quietLogging();
    long seconds = Long.getLong("repro.seconds", 1);
    System.out.println(
        "Camunda "
            + ProcessEngine.class.getPackage().getImplementationVersion()
            + ", "
            + System.getProperty("repro.url", "H2 in memory")
            + ", "
            + seconds
            + " s per measurement, one thread");
    for (String history : List.of("full", "none")) {
      ProcessEngine engine = engine(history);
      try {
        deploy(engine);
        new VariableCostRepro(engine).measure(history, seconds);
      } finally {
        engine.close();
      }
    }
  }

  private static ProcessEngine engine(String history) {
    String url =
        System.getProperty(
            "repro.url", "jdbc:h2:mem:repro-" + history + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(url)
        .setJdbcUsername(System.getProperty("repro.user", "sa"))
        .setJdbcPassword(System.getProperty("repro.password", ""))
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setHistory(history)
        .setJobExecutorActivate(false)
        .setProcessEngineName("repro-" + history)
        .buildProcessEngine();
  }

  private static void deploy(ProcessEngine engine) {
    BpmnModelInstance flat =
        Bpmn.createExecutableProcess(FLAT).startEvent().userTask("work").endEvent().done();
    BpmnModelInstance callee =
        Bpmn.createExecutableProcess(CALLEE).startEvent().userTask("work").endEvent().done();
    BpmnModelInstance callAll =
        Bpmn.createExecutableProcess(CALL_ALL)
            .startEvent()
            .callActivity("call")
            .calledElement(CALLEE)
            .camundaInBusinessKey("#{execution.processBusinessKey}")
            .endEvent()
            .done();
    CallActivity call = callAll.getModelElementById("call");
    call.getExtensionElements().addExtensionElement(CamundaIn.class).setCamundaVariables("all");
    call.getExtensionElements().addExtensionElement(CamundaOut.class).setCamundaVariables("all");
    BpmnModelInstance callNone =
        Bpmn.createExecutableProcess(CALL_NONE)
            .startEvent()
            .callActivity("call")
            .calledElement(CALLEE)
            .camundaInBusinessKey("#{execution.processBusinessKey}")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("flat.bpmn", flat)
        .addModelInstance("callee.bpmn", callee)
        .addModelInstance("callAll.bpmn", callAll)
        .addModelInstance("callNone.bpmn", callNone)
        .deploy();
  }

  private void measure(String history, long seconds) {
    List<String> keys = List.of(FLAT, CALL_ALL, CALL_NONE);
    for (int i = 0; i < 300; i++) {
      for (String key : keys) {
        instance(key, 16);
      }
    }
    // the best of three rounds, each visiting every process and n in turn: a busy machine makes a
    // measurement slower, never faster
    Map<String, double[]> best = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int v = 0; v < VARIABLES.length; v++) {
        for (String key : keys) {
          double ms = msPerInstance(key, VARIABLES[v], seconds);
          double[] row = best.computeIfAbsent(key, k -> filled(VARIABLES.length));
          row[v] = Math.min(row[v], ms);
        }
      }
    }
    System.out.println();
    System.out.println(
        "history "
            + history
            + ": ms per instance (start with n variables, complete the task), best of "
            + ROUNDS
            + " rounds");
    System.out.println("| n variables | " + String.join(" | ", keys) + " |");
    System.out.println("| --- | --- | --- | --- |");
    for (int v = 0; v < VARIABLES.length; v++) {
      StringBuilder row = new StringBuilder("| " + VARIABLES[v]);
      for (String key : keys) {
        row.append(" | ").append(fmt(best.get(key)[v]));
      }
      System.out.println(row.append(" |"));
    }
    StringBuilder slope = new StringBuilder("| ms per variable (least squares)");
    for (String key : keys) {
      List<double[]> points = new ArrayList<>();
      for (int v = 0; v < VARIABLES.length; v++) {
        points.add(new double[] {VARIABLES[v], best.get(key)[v]});
      }
      slope.append(" | ").append(String.format(Locale.ROOT, "%.3f", slope(points)));
    }
    System.out.println(slope.append(" |"));
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.MAX_VALUE);
    return a;
  }

  private double msPerInstance(String key, int n, long seconds) {
    // two halves in turns with the others would be fairer; this is a slope, not a race
    long count = 0;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long now = start;
    while (now < end) {
      instance(key, n);
      count++;
      now = System.nanoTime();
    }
    return (now - start) / 1e6 / count;
  }

  private void instance(String key, int n) {
    String businessKey = key + "-" + sequence++;
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < n; i++) {
      variables.put("v" + i, "value " + i);
    }
    runtime.startProcessInstanceByKey(key, businessKey, variables);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    tasks.complete(task.getId());
  }

  private static double slope(List<double[]> xy) {
    double n = xy.size();
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    double sxx = 0;
    for (double[] p : xy) {
      sx += p[0];
      sy += p[1];
      sxy += p[0] * p[1];
      sxx += p[0] * p[0];
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static void quietLogging() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
