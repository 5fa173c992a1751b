// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who acts in a process step: the logged-in user completing a task, or the system for timers and
 * jobs.
 */
final class Actors {

  static final String SYSTEM = "system";

  private Actors() {}

  static List<String> groups(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? List.of()
        : authentication.getGroupIds();
  }

  static String current(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? SYSTEM
        : authentication.getUserId();
  }
}
