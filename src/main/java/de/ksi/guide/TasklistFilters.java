// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderRegistered;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.platform.EngineActions;
import de.ksi.security.IdentitySetup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created on every start (idempotent: found by name, their query
 * kept up to date) and readable only by the groups they are meant for. "Alle Aufgaben" (Camunda's
 * filter, shown to everyone) still lists every task a user may see.
 */
@Component
class TasklistFilters {

  public static final String ALL_TASKS = "Alle Aufgaben";
  public static final String MY_TASKS = "Meine Aufgaben";
  public static final String OFFICE_TASKS = "Aufgaben meines Amtes";
  public static final String PROVIDER_REQUESTS = "Anfragen an meinen Träger";
  public static final String NETWORK_ESCALATIONS = "Verbund-Eskalationen";
  public static final String OVERDUE = "Überfällige Fristen";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final ProviderDirectory directory;
  private final IdentitySetup identitySetup;
  private final EngineActions engine;

  TasklistFilters(
      FilterService filters,
      TaskService tasks,
      AuthorizationService authorizations,
      ProviderDirectory directory,
      IdentitySetup identitySetup,
      EngineActions engine) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.directory = directory;
    this.identitySetup = identitySetup;
    this.engine = engine;
  }

  /** After the groups (IdentitySetup) and the demo providers (DemoData) exist. */
  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void createFilters() {
    // the filters and their grants in one engine command: on a first start with the demo's 40
    // providers about 130 writes, flushed together instead of one flush each
    identitySetup.asSystem(
        () ->
            engine.inOneCommand(
                () -> {
                  createFiltersNow();
                  return null;
                }));
  }

  private void createFiltersNow() {
    List<String> offices = Arrays.stream(District.values()).map(District::groupId).toList();
    List<String> heads = Arrays.stream(District.values()).map(District::headGroupId).toList();
    List<String> providers = directory.groupIds().stream().distinct().toList();
    List<String> everyone = new ArrayList<>(offices);
    everyone.addAll(heads);
    everyone.addAll(providers);
    everyone.add(Groups.COORDINATORS);
    everyone.add(Groups.PROCESS_OWNERS);
    // every filter grant there is, in one query instead of one per filter and group (about
    // two hundred statements of every start)
    List<Authorization> filterGrants =
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).list();
    Set<String> granted =
        filterGrants.stream()
            .map(a -> a.getGroupId() + "|" + a.getResourceId())
            .collect(Collectors.toCollection(HashSet::new));

    filter(
        granted,
        ALL_TASKS,
        -10,
        "Alle Aufgaben, die Sie sehen dürfen",
        tasks.createTaskQuery(),
        everyone);
    filter(
        granted,
        MY_TASKS,
        0,
        "Aufgaben, die Sie übernommen haben – die fälligste zuerst",
        mostUrgentFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        everyone);
    filter(
        granted,
        OFFICE_TASKS,
        5,
        "Alle offenen Aufgaben Ihres Jugendamts, übernommen oder nicht – die fälligste zuerst",
        mostUrgentFirst(
            tasks
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()),
        offices);
    filter(
        granted,
        PROVIDER_REQUESTS,
        10,
        "Platzanfragen der Jugendämter an Ihre Einrichtung",
        providerRequests(),
        providers);
    filter(
        granted,
        NETWORK_ESCALATIONS,
        10,
        "Fälle ohne Platz im eigenen Kreis: Verbundsuche und Stufe 2",
        escalations(),
        concat(List.of(Groups.COORDINATORS), heads));
    filter(
        granted,
        OVERDUE,
        20,
        "Gesetzliche Pflichten, deren Frist abgelaufen ist",
        overdue(),
        concat(List.of(Groups.COORDINATORS), offices));
    // earlier versions let every group read every filter; each now sees its own
    Set<String> groups = Set.copyOf(everyone);
    filterGrants.stream()
        .filter(a -> "*".equals(a.getResourceId()) && groups.contains(a.getGroupId()))
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }

  /** A new provider's staff see their requests. */
  @EventListener
  public void providerRegistered(ProviderRegistered event) {
    identitySetup.asSystem(
        () -> {
          // the filters there are (a handful) in one query; none before the first start's filters
          // are created, when the demo providers register
          List<String> names = List.of(ALL_TASKS, MY_TASKS, PROVIDER_REQUESTS);
          filters.createFilterQuery().list().stream()
              .filter(filter -> names.contains(filter.getName()))
              .forEach(filter -> grantRead(filter.getId(), event.groupId()));
        });
  }

  private TaskQuery providerRequests() {
    return mostUrgentFirst(
        tasks
            .createTaskQuery()
            .taskDefinitionKey(CaseProcess.SearchElements.ANSWER)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
  }

  /** The network search and the level-2 decision both have the coordinators as candidates. */
  private TaskQuery escalations() {
    return mostUrgentFirst(
        tasks
            .createTaskQuery()
            .taskDefinitionKeyIn(
                CaseProcess.SearchElements.CHOOSE, CaseProcess.Elements.LEVEL2_DECISION)
            .taskCandidateGroup(Groups.COORDINATORS)
            .includeAssignedTasks());
  }

  /**
   * A duty past its due date (the office's) or the "Frist überschritten" task it caused (the
   * coordinators').
   */
  private TaskQuery overdue() {
    return mostUrgentFirst(
        tasks
            .createTaskQuery()
            .processDefinitionKey(DutiesProcess.KEY)
            .or()
            .taskDefinitionKeyIn(DutiesProcess.Elements.OVERDUE_TASKS.toArray(String[]::new))
            .dueBeforeExpression("${now()}")
            .endOr());
  }

  /**
   * The task due first on top, among equally due ones the most urgent case (the priority the case's
   * urgency gives its tasks, de.ksi.tasklist.TaskCaseLabels). Tasklist's own sort order (by
   * creation) only breaks remaining ties: the engine puts a filter's order before the one the list
   * asks for.
   */
  private static TaskQuery mostUrgentFirst(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  private void filter(
      Set<String> granted,
      String name,
      int priority,
      String description,
      TaskQuery query,
      List<String> groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    Map<String, Object> properties =
        new LinkedHashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    filter.setProperties(properties);
    filter.setQuery(query);
    String id = filters.saveFilter(filter).getId();
    groups.forEach(group -> grantRead(granted, id, group));
  }

  private void grantRead(String filterId, String groupId) {
    boolean granted =
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .count()
            > 0;
    if (!granted) {
      saveReadGrant(filterId, groupId);
    }
  }

  /** Grants the group reading the filter unless {@code granted} says it has the grant. */
  private void grantRead(Set<String> granted, String filterId, String groupId) {
    if (granted.add(groupId + "|" + filterId)) {
      saveReadGrant(filterId, groupId);
    }
  }

  private void saveReadGrant(String filterId, String groupId) {
    Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
