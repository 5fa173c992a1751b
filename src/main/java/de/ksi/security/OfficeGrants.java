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

/**
 * The grants that make one process instance visible to one office: READ on the running instance
 * (Tasklist, variables) and READ on its history (with historic instance permissions enabled this
 * also covers the instance's historic tasks, activities and variables). Callers run this without
 * authorization checks.
 */
final class OfficeGrants {

  private OfficeGrants() {}

  static void grant(AuthorizationService authorizations, String groupId, String processInstanceId) {
    grant(authorizations, groupId, processInstanceId, false);
  }

  /**
   * Grants on a process instance started in the running command: no grant on it can be stored yet,
   * so only the command's own unsaved grants are looked at (two queries fewer per instance start).
   */
  static void grantOnNewInstance(
      AuthorizationService authorizations, String groupId, String processInstanceId) {
    grant(authorizations, groupId, processInstanceId, true);
  }

  private static void grant(
      AuthorizationService authorizations,
      String groupId,
      String processInstanceId,
      boolean newInstance) {
    grantOnce(
        authorizations,
        groupId,
        Resources.PROCESS_INSTANCE,
        processInstanceId,
        ProcessInstancePermissions.READ,
        newInstance);
    grantOnce(
        authorizations,
        groupId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ,
        newInstance);
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
   * before the command ends) or, for a resource not new, stored.
   */
  private static void grantOnce(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission permission,
      boolean newResource) {
    boolean exists =
        CommandCache.grantSavedInThisCommand(groupId, resource, resourceId)
            || !newResource
                && authorizations
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
