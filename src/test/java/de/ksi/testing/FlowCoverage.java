// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Which sequence flows the process tests took, per process key: an engine plugin of the in-memory
 * test engines ({@code *.camunda.cfg.xml}) puts a listener on every flow when a model is deployed.
 * {@link #assertComplete} writes the coverage of a model (flow nodes and sequence flows) to {@code
 * target/process-coverage/} and fails unless every sequence flow was taken: the gate CI holds at
 * 100 %.
 */
public final class FlowCoverage extends AbstractProcessEnginePlugin {

  private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();
  private static final Path REPORTS = Path.of("target", "process-coverage");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseSequenceFlow(
                  Element element, ScopeImpl scope, TransitionImpl transition) {
                String flow = transition.getId();
                ExecutionListener record =
                    execution ->
                        TAKEN
                            .computeIfAbsent(
                                execution.getProcessDefinitionId().split(":")[0],
                                key -> ConcurrentHashMap.newKeySet())
                            .add(flow);
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, record);
              }
            });
  }

  /**
   * The sequence flows of the model in {@code resource} (classpath) that some test took, reported
   * and gated.
   */
  public static void assertComplete(String resource) {
    BpmnModelInstance model = read(resource);
    for (Process process : model.getModelElementsByType(Process.class)) {
      Set<String> flows = ids(model, process, SequenceFlow.class);
      Set<String> nodes = ids(model, process, FlowNode.class);
      Set<String> taken = new TreeSet<>(TAKEN.getOrDefault(process.getId(), Set.of()));
      taken.retainAll(flows);
      Set<String> reached = reachedNodes(model, taken);
      reached.retainAll(nodes);
      Set<String> missing = new TreeSet<>(flows);
      missing.removeAll(taken);
      Set<String> nodesMissing = new TreeSet<>(nodes);
      nodesMissing.removeAll(reached);
      write(
          process.getId(),
          flows.size(),
          taken.size(),
          nodes.size(),
          reached.size(),
          missing,
          nodesMissing);
      assertThat(missing)
          .as("sequence flows of %s (%s) that no process test took", process.getId(), resource)
          .isEmpty();
    }
  }

  /** The elements of a type in the process, its subprocesses included. */
  private static <T extends FlowElement> Set<String> ids(
      BpmnModelInstance model, Process process, Class<T> type) {
    Set<String> ids = new TreeSet<>();
    for (T element : model.getModelElementsByType(type)) {
      if (processOf(element) == process) {
        ids.add(element.getId());
      }
    }
    return ids;
  }

  private static Process processOf(ModelElementInstance element) {
    var parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }

  /** A node counts as reached when a taken flow leaves or enters it. */
  private static Set<String> reachedNodes(BpmnModelInstance model, Set<String> taken) {
    Set<String> reached = new TreeSet<>();
    for (String id : taken) {
      SequenceFlow flow = model.getModelElementById(id);
      reached.add(flow.getSource().getId());
      reached.add(flow.getTarget().getId());
    }
    return reached;
  }

  private static BpmnModelInstance read(String resource) {
    try (InputStream in = FlowCoverage.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("model %s on the classpath", resource).isNotNull();
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(
      String key,
      int flows,
      int taken,
      int nodes,
      int reached,
      Set<String> missing,
      Set<String> nodesMissing) {
    String report =
        """
        # Process test coverage: %s

        | | covered | of | %% |
        | --- | --- | --- | --- |
        | sequence flows | %d | %d | %.1f |
        | flow nodes | %d | %d | %.1f |

        Sequence flows not taken: %s

        Flow nodes not reached: %s
        """
            .formatted(
                key,
                taken,
                flows,
                percent(taken, flows),
                reached,
                nodes,
                percent(reached, nodes),
                missing.isEmpty() ? "none" : String.join(", ", missing),
                nodesMissing.isEmpty() ? "none" : String.join(", ", nodesMissing));
    try {
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve(key + ".md"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 100 : 100.0 * part / whole;
  }
}
