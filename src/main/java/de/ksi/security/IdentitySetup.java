// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.ksi.capacity.ProviderRegistered;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the network's groups and grants each what it needs in Tasklist, Cockpit and Admin. Runs
 * on every start and is idempotent; grants that an administrator added by hand are left alone.
 */
@Component
public class IdentitySetup {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void setUpNetworkGroups() {
    asSystem(
        () -> {
          group(Groups.ADMINS, "Administration", "SYSTEM");
          for (Resource resource : Resources.values()) {
            grant(Groups.ADMINS, resource, "*", Permissions.ALL);
          }
          group(Groups.COORDINATORS, "Koordinierungsstelle", "WORKFLOW");
          baseGrants(Groups.COORDINATORS);
          grant(Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          // coordinators read the network and work its tasks; nobody but administrators writes
          // variables or modifies
          // instances (EngineGuard refuses it on every channel; these grants keep the engine's own
          // check as tight)
          grant(
              Groups.COORDINATORS,
              Resources.PROCESS_DEFINITION,
              "*",
              Permissions.READ,
              Permissions.READ_INSTANCE,
              Permissions.READ_HISTORY,
              Permissions.READ_TASK,
              ProcessDefinitionPermissions.TASK_WORK);
          // a case starts only as a case: the search and the duties run as called processes of one
          grant(
              Groups.COORDINATORS,
              Resources.PROCESS_DEFINITION,
              CaseProcess.KEY,
              Permissions.READ,
              Permissions.CREATE_INSTANCE);
          grant(
              Groups.COORDINATORS,
              Resources.PROCESS_INSTANCE,
              "*",
              Permissions.CREATE,
              Permissions.READ);
          grant(
              Groups.COORDINATORS,
              Resources.TASK,
              "*",
              Permissions.READ,
              TaskPermissions.TASK_WORK);
          grant(
              Groups.COORDINATORS,
              Resources.DECISION_DEFINITION,
              "*",
              Permissions.READ,
              Permissions.READ_HISTORY);
          grant(Groups.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
          // reads the audit log over /api only: no grants in the engine
          group(Groups.DATA_PROTECTION, "Datenschutz", "WORKFLOW");
          group(Groups.PROCESS_OWNERS, "Prozessverantwortliche", "WORKFLOW");
          baseGrants(Groups.PROCESS_OWNERS);
          grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          // deploy and undeploy (a deployment without running instances:
          // de.ksi.deployment.DeploymentGuard), read
          // definitions; no UPDATE (suspension, history time to live) and no DELETE on definitions
          grant(
              Groups.PROCESS_OWNERS,
              Resources.DEPLOYMENT,
              "*",
              Permissions.CREATE,
              Permissions.READ,
              Permissions.DELETE);
          grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
          grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
          // (grant narrows the UPDATE and DELETE that installations set up before issue #16 hold on
          // the same rows)
          grant(
              Groups.PROCESS_OWNERS,
              Resources.DECISION_REQUIREMENTS_DEFINITION,
              "*",
              Permissions.READ);
          for (District district : District.values()) {
            group(district.groupId(), "Jugendamt " + district.label(), "WORKFLOW");
            baseGrants(district.groupId());
            grant(
                district.groupId(),
                Resources.PROCESS_DEFINITION,
                CaseProcess.KEY,
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
            grant(district.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            group(district.headGroupId(), "Amtsleitung " + district.label(), "WORKFLOW");
            baseGrants(district.headGroupId());
            // heads of office open Statistik and Kapazitätsplanung in Cockpit: the app only, no
            // engine resource (the
            // figures come from /api, which shows a head its own office; the Lagebild shows its
            // waiting children)
            grant(district.headGroupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          }
        });
  }

  /**
   * A new provider gets its group, which may use Tasklist; its staff are added by an administrator.
   */
  @EventListener
  public void providerRegistered(ProviderRegistered event) {
    asSystem(
        () -> {
          group(event.groupId(), event.name(), "PROVIDER");
          baseGrants(event.groupId());
        });
  }

  /**
   * Tasklist; which Tasklist filters a group sees is granted per filter by {@code
   * de.ksi.guide.TasklistFilters}.
   */
  private void baseGrants(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
  }

  private void group(String id, String name, String type) {
    // with LDAP the directory owns the groups: only the authorizations are ours
    if (!identity.isReadOnly() && identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /**
   * The group's grant on the resource is exactly these permissions: an installation's older, wider
   * grant narrows.
   */
  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
            .findFirst()
            .orElse(null);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.equals(
        sorted(
            authorization.getPermissions(
                ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))),
        sorted(permissions))) {
      return;
    } else {
      authorization.setPermissions(new Permission[0]);
    }
    Arrays.stream(permissions).forEach(authorization::addPermission);
    authorizations.saveAuthorization(authorization);
  }

  private static String[] sorted(Permission[] permissions) {
    return Arrays.stream(permissions).map(Permission::getName).sorted().toArray(String[]::new);
  }

  /**
   * Runs setup without the caller's engine authentication: setting up groups is the system's job.
   */
  public void asSystem(Runnable action) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      action.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(
            caller.getUserId(),
            caller.getGroupIds() == null ? List.of() : caller.getGroupIds(),
            caller.getTenantIds());
      }
    }
  }
}
