// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.audit.AuditLog;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one way to delete a deployment that still has running cases: an administrator, with a reason
 * that goes into the audit log of every case it ends. The raw engine call (/engine-rest, Cockpit)
 * is refused by {@link DeploymentGuard} for everybody.
 */
@RestController
@RequestMapping("/api/admin/deployments")
class DeploymentAdministration {

  /** What was deleted. */
  record Deleted(String deploymentId, boolean cascade, int endedInstances, List<String> cases) {}

  private static final int MIN_REASON = 10;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final AuditLog audit;

  DeploymentAdministration(RepositoryService repository, RuntimeService runtime, AuditLog audit) {
    this.repository = repository;
    this.runtime = runtime;
    this.audit = audit;
  }

  @Operation(
      summary =
          "Delete a deployment, with cascade its running instances and their history (administrators)")
  @DeleteMapping("/{deploymentId}")
  @Transactional
  Deleted delete(
      @AuthenticationPrincipal KsiUser user,
      @PathVariable String deploymentId,
      @RequestParam(defaultValue = "false") boolean cascade,
      @RequestParam(defaultValue = "") String reason) {
    requireAdminWithReason(user, reason);
    Deployment deployment =
        repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (deployment == null) {
      throw new ProblemException.NotFound("problem.deployment.not-found", deploymentId);
    }
    List<ProcessInstance> running =
        runtime.createProcessInstanceQuery().deploymentId(deploymentId).list();
    if (!running.isEmpty() && !cascade) {
      throw new ProblemException.Conflict(
          "problem.deployment.running-cases", deploymentId, running.size());
    }
    DeploymentGuard.approved(
        deploymentId, () -> repository.deleteDeployment(deploymentId, cascade));
    List<String> cases =
        running.stream()
            .map(ProcessInstance::getBusinessKey)
            .filter(Objects::nonNull)
            .filter(key -> key.length() <= 32)
            .distinct()
            .sorted()
            .toList();
    String detail =
        "deployment "
            + deploymentId
            + " '"
            + deployment.getName()
            + "' deleted"
            + (cascade ? " with cascade, " + running.size() + " running instance(s) ended" : "");
    for (String reference : cases.isEmpty() ? List.of("-") : cases) {
      audit.record(
          user.userId(),
          reference,
          AuditLog.Action.DEPLOYMENT_DELETED,
          null,
          detail,
          reason.strip());
    }
    return new Deleted(deploymentId, cascade, running.size(), cases);
  }

  /** Only an administrator, and only with a reason for the audit log. */
  static void requireAdminWithReason(KsiUser user, String reason) {
    if (!user.isAdmin()) {
      throw new ProblemException.Forbidden("problem.deployment.admin-only");
    }
    if (reason.strip().length() < MIN_REASON) {
      throw new ProblemException.InvalidInput("reason", "problem.deployment.reason-required");
    }
  }
}
