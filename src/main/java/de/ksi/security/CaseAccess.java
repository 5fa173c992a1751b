// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.enginetuning.CommandCache;
import de.ksi.network.District;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves a case's engine access from one office to another (handover after distribution): the old
 * office's grants on every instance of the case, its open tasks and their history are revoked
 * explicitly (candidate group grants are never revoked by the engine), and the new office is
 * granted the same.
 */
@Component
public class CaseAccess {

  private final CommandExecutor commands;
  private final AuthorizationService authorizations;
  private final HistoryService history;
  private final TaskService tasks;

  CaseAccess(ProcessEngine engine) {
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    this.authorizations = engine.getAuthorizationService();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
  }

  /**
   * Hands the case's instances to {@code to}: grants and open tasks move. Later tasks go to the new
   * office by themselves, since the models read the office from the case table, which the handover
   * changed.
   */
  public void handOver(String caseReference, District from, District to) {
    if (from == to) {
      return;
    }
    commands.execute(
        context ->
            context.runWithoutAuthorization(
                () -> {
                  List<String> instances =
                      history
                          .createHistoricProcessInstanceQuery()
                          .processInstanceBusinessKey(caseReference)
                          .list()
                          .stream()
                          .map(HistoricProcessInstance::getId)
                          .toList();
                  for (String instance : instances) {
                    OfficeGrants.revoke(authorizations, from.groupId(), instance);
                    OfficeGrants.grant(authorizations, to.groupId(), instance);
                    for (HistoricTaskInstance task :
                        history
                            .createHistoricTaskInstanceQuery()
                            .processInstanceId(instance)
                            .list()) {
                      OfficeGrants.revoke(
                          authorizations, from.groupId(), Resources.HISTORIC_TASK, task.getId());
                    }
                  }
                  for (Task task :
                      tasks.createTaskQuery().processInstanceBusinessKey(caseReference).list()) {
                    if (!CommandCache.taskCompletedInThisCommand(task.getId())) {
                      moveTask(task.getId(), from, to);
                    }
                  }
                  return null;
                }));
  }

  private void moveTask(String taskId, District from, District to) {
    boolean candidate =
        tasks.getIdentityLinksForTask(taskId).stream()
            .anyMatch(
                l ->
                    IdentityLinkType.CANDIDATE.equals(l.getType())
                        && from.groupId().equals(l.getGroupId()));
    if (candidate) {
      tasks.deleteCandidateGroup(taskId, from.groupId());
      tasks.addCandidateGroup(taskId, to.groupId());
    }
    OfficeGrants.revoke(authorizations, from.groupId(), Resources.TASK, taskId);
  }
}
