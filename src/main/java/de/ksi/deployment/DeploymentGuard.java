// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.enginetuning.EngineFields;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What authorizations cannot say about running cases, checked on every engine command whatever
 * channel it comes from (/engine-rest, Cockpit, our /api): deleting a deployment that still has
 * running instances, or with cascade, only through {@link DeploymentAdministration} (an
 * administrator with a reason, audited); suspending definitions, job definitions, jobs or instances
 * and changing a history time to live likewise (administrators, with a reason, through {@link
 * DefinitionAdministration}); deleting definitions not at all (administrators delete the
 * deployment). The engine itself (no authenticated caller) is not restricted.
 */
final class DeploymentGuard extends CommandInterceptor {

  /**
   * The deployment an administrator is deleting through DeploymentAdministration, on this thread.
   */
  private static final ThreadLocal<String> APPROVED = new ThreadLocal<>();

  /**
   * An administrator's suspension or history change with a reason, through
   * DeploymentAdministration, on this thread.
   */
  private static final ThreadLocal<Boolean> REASONED = ThreadLocal.withInitial(() -> false);

  private static final List<Class<?>> ADMIN_ONLY =
      List.of(
          AbstractSetProcessDefinitionStateCmd.class,
          AbstractSetJobDefinitionStateCmd.class,
          AbstractSetJobStateCmd.class,
          AbstractSetProcessInstanceStateCmd.class,
          AbstractUpdateProcessInstancesSuspendStateCmd.class,
          UpdateProcessDefinitionHistoryTimeToLiveCmd.class,
          UpdateDecisionDefinitionHistoryTimeToLiveCmd.class,
          UpdateCaseDefinitionHistoryTimeToLiveCmd.class,
          DeleteProcessDefinitionsByIdsCmd.class,
          DeleteProcessDefinitionsByKeyCmd.class);

  private final ProcessEngineConfigurationImpl configuration;

  DeploymentGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** Runs the deletion of one deployment with the administrator's approval. */
  static void approved(String deploymentId, Runnable deletion) {
    APPROVED.set(deploymentId);
    try {
      deletion.run();
    } finally {
      APPROVED.remove();
    }
  }

  /**
   * Runs an administrator's suspension, activation or history change that DeploymentAdministration
   * audits.
   */
  static void reasoned(Runnable change) {
    REASONED.set(true);
    try {
      change.run();
    } finally {
      REASONED.remove();
    }
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    Authentication caller = context == null ? null : context.getAuthentication();
    if (caller != null && context.isAuthorizationCheckEnabled()) {
      check(command, context, caller);
    }
    return next.execute(command);
  }

  private void check(Command<?> command, CommandContext context, Authentication caller) {
    if (command instanceof DeleteDeploymentCmd delete) {
      String deploymentId = (String) EngineFields.read(delete, "deploymentId");
      if (deploymentId == null || deploymentId.equals(APPROVED.get())) {
        return;
      }
      if ((Boolean) EngineFields.read(delete, "cascade")) {
        throw refused(
            "CASCADE_DELETE",
            "deleting deployment "
                + deploymentId
                + " with cascade would delete its "
                + "running cases and their history; an administrator does this with a reason through "
                + "DELETE /api/admin/deployments/{id}?cascade=true&reason=...");
      }
      long running =
          context.runWithoutAuthorization(
              () ->
                  configuration
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .deploymentId(deploymentId)
                      .count());
      if (running > 0) {
        throw refused(
            "DELETE_WITH_RUNNING_CASES",
            "deployment "
                + deploymentId
                + " has "
                + running
                + " running instance(s); only a deployment without running instances may be undeployed");
      }
    } else if (ADMIN_ONLY.stream().anyMatch(type -> type.isInstance(command)) && !REASONED.get()) {
      String what =
          command.getClass().getSimpleName().replace("Cmd", "")
              + " (suspending, activating, changing a history time to live or deleting definitions)";
      if (!context.getAuthorizationManager().isCamundaAdmin(caller)) {
        throw refused("ADMIN_ONLY", what + " is an administrator action");
      }
      throw refused(
          "ADMIN_WITH_REASON",
          what
              + " is done by an administrator with a reason, through"
              + " POST /api/admin/process-definitions/{key}/suspend|activate?reason=... or"
              + " PUT /api/admin/process-definitions/{id}/history-time-to-live?days=...&reason=...");
    }
  }

  private static AuthorizationException refused(String rule, String detail) {
    return new AuthorizationException("Deployment policy: rule " + rule + ": " + detail);
  }
}
