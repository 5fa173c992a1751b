// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.audit.AuditLog;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one way to suspend or activate a process definition, or to change its history time to live:
 * an administrator, with a reason that goes into the audit log. Suspending the case process stops
 * intake, and a short time to live deletes history; the raw engine calls (/engine-rest, Cockpit)
 * are refused by {@link DeploymentGuard}.
 */
@RestController
@Validated
@RequestMapping("/api/admin/process-definitions")
class DefinitionAdministration {

  /** What was changed. */
  record Changed(String processDefinitionKey, String change) {}

  private final RepositoryService repository;
  private final AuditLog audit;

  DefinitionAdministration(RepositoryService repository, AuditLog audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Operation(
      summary = "Suspend every version of a process definition (administrators, with a reason)")
  @PostMapping("/{key}/suspend")
  @Transactional
  Changed suspend(
      @AuthenticationPrincipal KsiUser user,
      @PathVariable String key,
      @RequestParam(defaultValue = "false") boolean includeProcessInstances,
      @RequestParam(defaultValue = "") String reason) {
    return change(
        user,
        key,
        reason,
        "suspended" + (includeProcessInstances ? " with its running instances" : ""),
        () -> repository.suspendProcessDefinitionByKey(key, includeProcessInstances, null));
  }

  @Operation(
      summary =
          "Activate every version of a process definition again (administrators, with a reason)")
  @PostMapping("/{key}/activate")
  @Transactional
  Changed activate(
      @AuthenticationPrincipal KsiUser user,
      @PathVariable String key,
      @RequestParam(defaultValue = "false") boolean includeProcessInstances,
      @RequestParam(defaultValue = "") String reason) {
    return change(
        user,
        key,
        reason,
        "activated" + (includeProcessInstances ? " with its instances" : ""),
        () -> repository.activateProcessDefinitionByKey(key, includeProcessInstances, null));
  }

  @Operation(
      summary =
          "Change the history time to live of every version of a process definition (administrators)")
  @PutMapping("/{key}/history-time-to-live")
  @Transactional
  Changed historyTimeToLive(
      @AuthenticationPrincipal KsiUser user,
      @PathVariable String key,
      @RequestParam @Min(1) @Max(3650) int days,
      @RequestParam(defaultValue = "") String reason) {
    return change(
        user,
        key,
        reason,
        "history time to live set to " + days + " days",
        () ->
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .list()
                .forEach(
                    d -> repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), days)));
  }

  private Changed change(KsiUser user, String key, String reason, String what, Runnable change) {
    DeploymentAdministration.requireAdminWithReason(user, reason);
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .singleResult();
    if (latest == null) {
      throw new ProblemException.NotFound("problem.definition.not-found", key);
    }
    DeploymentGuard.reasoned(change);
    audit.record(
        user.userId(),
        "-",
        AuditLog.Action.DEFINITION_CHANGED,
        null,
        "process definition " + key + " " + what,
        reason.strip());
    return new Changed(key, what);
  }
}
