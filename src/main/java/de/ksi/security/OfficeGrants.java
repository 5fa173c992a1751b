// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.ksi.enginetuning.CommandCache;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The grants that make one process instance visible to one office: READ on the running instance
 * (Tasklist, variables) and READ on its history (with historic instance permissions enabled this
 * also covers the instance's historic tasks, activities and variables). Callers run this without
 * authorization checks.
 */
final class OfficeGrants {

  private OfficeGrants() {}

  /**
   * Grants on a process instance started in the running command: no grant on it can be stored yet,
   * so nothing is looked up, and the grants are written with the command's other rows. They carry
   * the root process instance, as the engine's history does: the history cleanup removes them with
   * the case's history. (Saved through the authorization service, a grant on a history not yet
   * written found no root instance and stayed after the cleanup; that lookup also cost a statement
   * per instance.)
   */
  static void grantOnNewInstance(
      String groupId, String processInstanceId, String rootProcessInstanceId) {
    insertNew(
        groupId,
        Resources.PROCESS_INSTANCE,
        processInstanceId,
        ProcessInstancePermissions.READ,
        rootProcessInstanceId);
    insertNew(
        groupId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ,
        rootProcessInstanceId);
  }

  private static void insertNew(
      String groupId,
      Resource resource,
      String resourceId,
      Permission permission,
      String rootProcessInstanceId) {
    if (CommandCache.grantSavedInThisCommand(groupId, resource, resourceId)) {
      return;
    }
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    grant.setRootProcessInstanceId(rootProcessInstanceId);
    Context.getCommandContext().getAuthorizationManager().insert(grant);
  }

  static void grant(AuthorizationService authorizations, String groupId, String processInstanceId) {
    grantOnce(
        authorizations,
        groupId,
        Resources.PROCESS_INSTANCE,
        processInstanceId,
        ProcessInstancePermissions.READ);
    grantOnce(
        authorizations,
        groupId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  static void revoke(
      AuthorizationService authorizations, String groupId, String processInstanceId) {
    revoke(authorizations, groupId, Resources.PROCESS_INSTANCE, processInstanceId);
    revoke(authorizations, groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId);
  }

  /** Deletes every grant of the group on one resource, whatever its permissions. */
  static void revoke(
      AuthorizationService authorizations, String groupId, Resource resource, String resourceId) {
    authorizations
        .createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /**
   * Grants unless the group has the grant: saved earlier in this command (a query does not see it
   * before the command ends) or stored.
   */
  private static void grantOnce(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission permission) {
    boolean exists =
        CommandCache.grantSavedInThisCommand(groupId, resource, resourceId)
            || authorizations
                    .createAuthorizationQuery()
                    .groupIdIn(groupId)
                    .resourceType(resource)
                    .resourceId(resourceId)
                    .hasPermission(permission)
                    .count()
                > 0;
    if (!exists) {
      Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
    }
  }
}
