// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the hold id of a provider request (from our tables, by the request's execution) onto its
 * task as a task-local variable, so that the open requests of a provider, or the task of one hold,
 * are found with one query instead of one variable read per task.
 */
@Component("requestTaskCreated")
class RequestTaskListener implements TaskListener {

  private final CaseBinding binding;

  RequestTaskListener(CaseBinding binding) {
    this.binding = binding;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(Vars.HOLD_ID, binding.holdOfRequest(task.getExecution()));
  }
}
