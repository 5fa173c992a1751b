// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.ksi.capacity.ProviderRegistered;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
          Known known = Known.read(identity, authorizations, networkGroups());
          group(known, Groups.ADMINS, "Administration", "SYSTEM");
          for (Resource resource : Resources.values()) {
            grant(known, Groups.ADMINS, resource, "*", Permissions.ALL);
          }
          group(known, Groups.COORDINATORS, "Koordinierungsstelle", "WORKFLOW");
          baseGrants(known, Groups.COORDINATORS);
          grant(known, Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          // coordinators read the network and work its tasks; nobody but administrators writes
          // variables or modifies
          // instances (EngineGuard refuses it on every channel; these grants keep the engine's own
          // check as tight)
          grant(
              known,
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
              known,
              Groups.COORDINATORS,
              Resources.PROCESS_DEFINITION,
              CaseProcess.KEY,
              Permissions.READ,
              Permissions.CREATE_INSTANCE);
          grant(
              known,
              Groups.COORDINATORS,
              Resources.PROCESS_INSTANCE,
              "*",
              Permissions.CREATE,
              Permissions.READ);
          grant(
              known,
              Groups.COORDINATORS,
              Resources.TASK,
              "*",
              Permissions.READ,
              TaskPermissions.TASK_WORK);
          grant(
              known,
              Groups.COORDINATORS,
              Resources.DECISION_DEFINITION,
              "*",
              Permissions.READ,
              Permissions.READ_HISTORY);
          grant(known, Groups.COORDINATORS, Resources.DEPLOYMENT, "*", Permissions.READ);
          // reads the audit log over /api only: no grants in the engine
          group(known, Groups.DATA_PROTECTION, "Datenschutz", "WORKFLOW");
          group(known, Groups.PROCESS_OWNERS, "Prozessverantwortliche", "WORKFLOW");
          baseGrants(known, Groups.PROCESS_OWNERS);
          grant(known, Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
          // deploy and undeploy (a deployment without running instances:
          // de.ksi.deployment.DeploymentGuard), read
          // definitions; no UPDATE (suspension, history time to live) and no DELETE on definitions
          grant(
              known,
              Groups.PROCESS_OWNERS,
              Resources.DEPLOYMENT,
              "*",
              Permissions.CREATE,
              Permissions.READ,
              Permissions.DELETE);
          grant(known, Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
          grant(known, Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
          // (grant narrows the UPDATE and DELETE that installations set up before issue #16 hold on
          // the same rows)
          grant(
              known,
              Groups.PROCESS_OWNERS,
              Resources.DECISION_REQUIREMENTS_DEFINITION,
              "*",
              Permissions.READ);
          for (District district : District.values()) {
            group(known, district.groupId(), "Jugendamt " + district.label(), "WORKFLOW");
            baseGrants(known, district.groupId());
            grant(
                known,
                district.groupId(),
                Resources.PROCESS_DEFINITION,
                CaseProcess.KEY,
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
            grant(known, district.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            group(known, district.headGroupId(), "Amtsleitung " + district.label(), "WORKFLOW");
            baseGrants(known, district.headGroupId());
            // heads of office open Statistik and Kapazitätsplanung in Cockpit: the app only, no
            // engine resource (the
            // figures come from /api, which shows a head its own office; the Lagebild shows its
            // waiting children)
            grant(
                known,
                district.headGroupId(),
                Resources.APPLICATION,
                "cockpit",
                Permissions.ACCESS);
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
          group(Known.NOTHING, event.groupId(), event.name(), "PROVIDER");
          baseGrants(Known.NOTHING, event.groupId());
        });
  }

  /**
   * Tasklist; which Tasklist filters a group sees is granted per filter by {@code
   * de.ksi.guide.TasklistFilters}.
   */
  private void baseGrants(Known known, String groupId) {
    grant(known, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
  }

  /** The groups {@link #setUpNetworkGroups} sets up. */
  private static List<String> networkGroups() {
    List<String> ids = new ArrayList<>();
    ids.addAll(
        List.of(Groups.ADMINS, Groups.COORDINATORS, Groups.DATA_PROTECTION, Groups.PROCESS_OWNERS));
    for (District district : District.values()) {
      ids.add(district.groupId());
      ids.add(district.headGroupId());
    }
    return ids;
  }

  /**
   * The groups and grants that exist already, read in two queries at the start instead of one query
   * per group and per grant (about seventy statements of every start); {@link #NOTHING} when
   * nothing was read, and each group and grant is looked up on its own.
   */
  private record Known(Set<String> groups, Map<String, Authorization> grants, boolean read) {

    static final Known NOTHING = new Known(Set.of(), Map.of(), false);

    static Known read(
        IdentityService identity, AuthorizationService authorizations, List<String> groupIds) {
      Set<String> groups =
          identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
              .map(Group::getId)
              .collect(Collectors.toCollection(HashSet::new));
      Map<String, Authorization> grants = new HashMap<>();
      authorizations
          .createAuthorizationQuery()
          .authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(groupIds.toArray(String[]::new))
          .list()
          .forEach(
              a ->
                  grants.putIfAbsent(
                      key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a));
      return new Known(groups, grants, true);
    }

    static String key(String groupId, int resourceType, String resourceId) {
      return groupId + "|" + resourceType + "|" + resourceId;
    }

    boolean hasGroup(String id) {
      return groups.contains(id);
    }

    Optional<Authorization> grant(String groupId, Resource resource, String resourceId) {
      return Optional.ofNullable(grants.get(key(groupId, resource.resourceType(), resourceId)));
    }
  }

  private void group(Known known, String id, String name, String type) {
    // with LDAP the directory owns the groups: only the authorizations are ours
    boolean exists =
        known.read() ? known.hasGroup(id) : identity.createGroupQuery().groupId(id).count() > 0;
    if (!identity.isReadOnly() && !exists) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      if (known.read()) {
        known.groups().add(id);
      }
    }
  }

  /**
   * The group's grant on the resource is exactly these permissions: an installation's older, wider
   * grant narrows.
   */
  private void grant(
      Known known,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        known.read()
            ? known.grant(groupId, resource, resourceId).orElse(null)
            : authorizations
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
    Authorization saved = authorizations.saveAuthorization(authorization);
    if (known.read()) {
      known.grants().put(Known.key(groupId, resource.resourceType(), resourceId), saved);
    }
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
