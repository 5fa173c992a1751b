// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What the running engine command has changed and not yet written: the engine keeps new, changed
 * and deleted entities in the command's entity cache until the command ends, and its queries read
 * only the database. Read here through the engine's internal {@link DbEntityManager}; {@code
 * EngineUpgradeTest} fails when an upgrade changes what these answers rely on.
 */
public final class CommandCache {

  private CommandCache() {}

  /**
   * Whether the running command saved a grant of the group on the resource that is not written yet
   * (a query for it finds nothing); false outside a command.
   */
  public static boolean grantSavedInThisCommand(
      String groupId, Resource resource, String resourceId) {
    CommandContext command = Context.getCommandContext();
    return command != null
        && command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
            .anyMatch(
                a ->
                    groupId.equals(a.getGroupId())
                        && a.getResourceType() == resource.resourceType()
                        && resourceId.equals(a.getResourceId()));
  }

  /**
   * Whether the execution's process instance was started by the running command: nothing about it
   * (a grant, say) can be stored yet, so there is nothing to look up.
   */
  public static boolean instanceStartedInThisCommand(DelegateExecution execution) {
    return Context.getCommandContext()
        .getDbEntityManager()
        .getDbEntityCache()
        .isTransient(((ExecutionEntity) execution).getProcessInstance());
  }

  /**
   * Whether the running command completed the task: a task query still finds it until the command
   * ends, but it must not be touched any more.
   */
  public static boolean taskCompletedInThisCommand(String taskId) {
    DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
    TaskEntity cached = entities.getCachedEntity(TaskEntity.class, taskId);
    return cached != null && (cached.isDeleted() || entities.isDeleted(cached));
  }
}
