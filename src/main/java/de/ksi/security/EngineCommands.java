// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.enginetuning.EngineFields;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Which engine commands a user who is not an administrator may send, decided by the command's class
 * (an allow-list: a command Camunda adds in an upgrade is refused until it is judged here) and, for
 * the commands that work tasks and start cases, by what they carry. {@code EngineCommandsTest} pins
 * every command class of the engine to its verdict.
 */
final class EngineCommands {

  /** What the guard does with a command. */
  enum Verdict {
    /**
     * Reads, and writes the engine's authorization model judges on its own (users, groups, filters,
     * deployments).
     */
    PASS,
    /**
     * Giving back one's own claimed task: allowed to whoever holds it, which needs no assign right.
     */
    PASS_WITHOUT_AUTHORIZATION
  }

  private static final String ENGINE = "org.camunda.bpm.engine.impl.";

  /** Reads that are not queries and not named Get…. */
  private static final Set<String> READS =
      Set.of(
          "ExecuteFilterCountCmd",
          "ExecuteFilterListCmd",
          "ExecuteFilterListPageCmd",
          "ExecuteFilterSingleResultCmd",
          "CreateUserQueryCmd",
          "CreateGroupQueryCmd",
          "CreateTenantQueryCmd",
          "CreateNativeUserQueryCmd",
          "IsIdentityServiceReadOnlyCmd",
          "AuthorizationCheckCmd",
          "FindActiveActivityIdsCmd",
          "DetermineHistoryLevelCmd",
          "IsTelemetryEnabledCmd",
          "CheckPassword",
          "ValidatePasswordAgainstPolicyCmd",
          "CreateMigrationPlanCmd");

  /**
   * Writes whose only guard is the engine's authorization model, because what they change is not a
   * case: identity (Admin), filters and comments (Tasklist), deployments (process owners; the
   * deployment policy checks the models).
   */
  private static final Set<String> AUTHORIZED_WRITES =
      Set.of(
          "CreateUserCmd",
          "SaveUserCmd",
          "DeleteUserCmd",
          "UnlockUserCmd",
          "SetUserPictureCmd",
          "DeleteUserPictureCmd",
          "SetUserInfoCmd",
          "DeleteUserInfoCmd",
          "CreateGroupCmd",
          "SaveGroupCmd",
          "DeleteGroupCmd",
          "CreateMembershipCmd",
          "DeleteMembershipCmd",
          "CreateFilterCmd",
          "SaveFilterCmd",
          "DeleteFilterCmd",
          "AddCommentCmd",
          "DeployCmd",
          "DeleteDeploymentCmd");

  private final FormFields forms = new FormFields();
  private final SubmittedVariables variables = new SubmittedVariables();

  /** How the guard treats a command class, before it looks at what the command carries. */
  enum Kind {
    /** Reads: queries, Get… commands, the webapps' read plugins and our own commands. */
    READ,
    /** Writes the engine's authorization model judges on its own. */
    AUTHORIZED,
    /**
     * Claiming, unclaiming, completing tasks and starting cases: passed after a look at what they
     * carry.
     */
    CHECKED,
    /** Everything else: refused for every user who is not an administrator. */
    REFUSED
  }

  private static final Set<String> CHECKED =
      Set.of(
          "ClaimTaskCmd",
          "AssignTaskCmd",
          "CompleteTaskCmd",
          "SubmitTaskFormCmd",
          "SubmitStartFormCmd",
          "StartProcessInstanceCmd");

  static Kind kind(Class<?> command) {
    String type = command.getName();
    String name = command.getSimpleName();
    if (AbstractQuery.class.isAssignableFrom(command)
        || !type.startsWith("org.camunda.bpm.")
        || webappRead(type)
        || type.startsWith(ENGINE) && (name.startsWith("Get") || READS.contains(name))) {
      return Kind.READ;
    }
    if (!type.startsWith(ENGINE)) {
      return Kind.REFUSED;
    }
    return AUTHORIZED_WRITES.contains(name)
        ? Kind.AUTHORIZED
        : CHECKED.contains(name) ? Kind.CHECKED : Kind.REFUSED;
  }

  /**
   * Passes the command or throws: 403 for a command the role may not send, 400 for a variable it
   * may not write.
   */
  Verdict judge(Command<?> command, CommandContext context, Authentication user) {
    String name = command.getClass().getSimpleName();
    return switch (kind(command.getClass())) {
      case READ, AUTHORIZED -> Verdict.PASS;
      case REFUSED ->
          throw EngineGuard.forbidden(
              name,
              "diese Änderung ist nur über die Aufgaben und Formulare des"
                  + " Falls möglich / this change is possible only through the case's tasks and forms");
      case CHECKED ->
          switch (name) {
            case "ClaimTaskCmd" -> claim(command, user);
            case "AssignTaskCmd" -> assign(command, context, user);
            case "CompleteTaskCmd", "SubmitTaskFormCmd" -> completeTask(command, context);
            case "SubmitStartFormCmd" -> startByForm(command, context);
            default -> start(command, context);
          };
    };
  }

  /** The webapps' own read plugins (Cockpit's, Admin's and Tasklist's queries). */
  private static boolean webappRead(String type) {
    return type.startsWith("org.camunda.bpm.cockpit.")
        || type.startsWith("org.camunda.bpm.admin.")
        || type.startsWith("org.camunda.bpm.tasklist.")
        || type.startsWith("org.camunda.bpm.webapp.");
  }

  private static Verdict claim(Command<?> command, Authentication user) {
    if (!user.getUserId().equals(EngineFields.readIfPresent(command, "userId"))) {
      throw EngineGuard.forbidden("ClaimTaskCmd", "nur für sich selbst / claim for oneself only");
    }
    return Verdict.PASS;
  }

  /**
   * Unclaiming one's own task passes; assigning to somebody is left to the assign right
   * (coordinators).
   */
  private static Verdict assign(Command<?> command, CommandContext context, Authentication user) {
    TaskEntity task =
        context
            .getTaskManager()
            .findTaskById((String) EngineFields.readIfPresent(command, "taskId"));
    if (EngineFields.readIfPresent(command, "userId") == null
        && task != null
        && user.getUserId().equals(task.getAssignee())) {
      return Verdict.PASS_WITHOUT_AUTHORIZATION;
    }
    return Verdict.PASS;
  }

  private Verdict completeTask(Command<?> command, CommandContext context) {
    Map<String, Object> submitted = submitted(command, "variables", "properties");
    TaskEntity task =
        context
            .getTaskManager()
            .findTaskById((String) EngineFields.readIfPresent(command, "taskId"));
    if (task == null || submitted.isEmpty()) {
      return Verdict.PASS;
    }
    if (task.getProcessDefinitionId() == null) {
      throw EngineGuard.forbidden(
          "CompleteTaskCmd", "Aufgabe ohne Prozess / task outside a process");
    }
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    Optional<Set<String>> declared =
        context.runWithoutAuthorization(
            () ->
                forms.declared(
                    context.getProcessEngineConfiguration().getRepositoryService(),
                    definition.getDeploymentId(),
                    task.getTaskDefinition() == null
                        ? null
                        : task.getTaskDefinition().getFormDefinition()));
    variables.check(submitted, declared.orElse(Set.of()), "Aufgabe „" + task.getName() + "“");
    return Verdict.PASS;
  }

  private Verdict startByForm(Command<?> command, CommandContext context) {
    ProcessDefinitionEntity definition =
        context
            .getProcessEngineConfiguration()
            .getDeploymentCache()
            .findDeployedProcessDefinitionById(
                (String) EngineFields.readIfPresent(command, "processDefinitionId"));
    return checkStart(definition, submitted(command, "variables"), context);
  }

  private Verdict start(Command<?> command, CommandContext context) {
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl)
            EngineFields.readIfPresent(command, "instantiationBuilder");
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition =
        builder.getProcessDefinitionId() != null
            ? cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
            : cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
    Map<String, Object> submitted =
        builder.getVariables() == null ? Map.of() : builder.getVariables();
    return checkStart(definition, submitted, context);
  }

  private Verdict checkStart(
      ProcessDefinitionEntity definition, Map<String, Object> submitted, CommandContext context) {
    if (!submitted.isEmpty()) {
      Optional<Set<String>> declared =
          context.runWithoutAuthorization(
              () ->
                  forms.declared(
                      context.getProcessEngineConfiguration().getRepositoryService(),
                      definition.getDeploymentId(),
                      definition.getStartFormDefinition()));
      variables.check(
          submitted, declared.orElse(Set.of()), "Startformular „" + definition.getName() + "“");
    }
    return Verdict.PASS;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> submitted(Command<?> command, String... names) {
    for (String name : names) {
      Object value = EngineFields.readIfPresent(command, name);
      if (value instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    }
    return Map.of();
  }
}
