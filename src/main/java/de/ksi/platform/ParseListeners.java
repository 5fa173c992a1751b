// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a BPMN parse listener of a plugin to the engine configuration, after the ones already there:
 * how our plugins attach listeners to every deployed model without the process owner wiring them.
 */
public final class ParseListeners {

  private ParseListeners() {}

  /** Runs before the engine's own parse handlers (the element's behaviour is not built yet). */
  public static void addBefore(
      ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPreBPMNParseListeners(
        with(configuration.getCustomPreBPMNParseListeners(), listener));
  }

  /** Runs after the engine's own parse handlers (the element's behaviour is there to extend). */
  public static void addAfter(
      ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    configuration.setCustomPostBPMNParseListeners(
        with(configuration.getCustomPostBPMNParseListeners(), listener));
  }

  private static List<BpmnParseListener> with(
      List<BpmnParseListener> existing, BpmnParseListener listener) {
    List<BpmnParseListener> listeners =
        existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    listeners.add(listener);
    return listeners;
  }
}
