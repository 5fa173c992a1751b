// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The root process instance an execution runs under: the case instance for a step of the search or
 * the duties, which the case model calls. Walks the called instances up in memory (the engine has
 * them loaded); no statement.
 */
public final class RootInstance {

  private RootInstance() {}

  /** The outermost process instance above this execution (its own if nothing called it). */
  public static ExecutionEntity of(ExecutionEntity execution) {
    ExecutionEntity root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    return root;
  }

  /** The business key of that root instance: the case reference the intake set, or null. */
  public static String businessKey(ExecutionEntity execution) {
    return of(execution).getBusinessKey();
  }
}
