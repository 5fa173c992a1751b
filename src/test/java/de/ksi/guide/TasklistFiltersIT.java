// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.CaseTimers;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each role's Tasklist filters over /engine-rest, and what they list for a running case. */
@KsiIntegrationTest
class TasklistFiltersIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired de.ksi.capacity.ProviderDirectory directory;

  private ApiClient api;

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  @Test
  void eachRoleSeesExactlyItsFilters() {
    api = new ApiClient(port);
    assertThat(filterNames("fk-seg-1"))
        .containsExactlyInAnyOrder(
            "Alle Aufgaben", "Meine Aufgaben", "Aufgaben meines Amtes", "Überfällige Fristen");
    assertThat(filterNames("einrichtung-seg"))
        .containsExactlyInAnyOrder("Alle Aufgaben", "Meine Aufgaben", "Anfragen an meinen Träger");
    assertThat(filterNames("koordination-1"))
        .containsExactlyInAnyOrder(
            "Alle Aufgaben", "Meine Aufgaben", "Verbund-Eskalationen", "Überfällige Fristen");
    assertThat(filterNames("al-seg"))
        .containsExactlyInAnyOrder("Alle Aufgaben", "Meine Aufgaben", "Verbund-Eskalationen");
    assertThat(filterNames("prozess-1"))
        .containsExactlyInAnyOrder("Alle Aufgaben", "Meine Aufgaben");
    assertThat(filterNames("admin"))
        .contains(
            "Alle Aufgaben",
            "Meine Aufgaben",
            "Aufgaben meines Amtes",
            "Anfragen an meinen Träger",
            "Verbund-Eskalationen",
            "Überfällige Fristen");
  }

  @Test
  void creatingTheFiltersAgainChangesNothing() {
    api = new ApiClient(port);
    long before = engine.getFilterService().createFilterQuery().count();
    long grantsBefore =
        engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
            .count();
    tasklistFilters.createFilters();
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(before);
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
                .count())
        .isEqualTo(grantsBefore);
    assertThat(filterNames("fk-seg-1")).hasSize(4);
  }

  @Test
  void aProviderRegisteredLaterSeesTheProvidersFilters() {
    OfferView offer = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    String group = directory.groupOfOffer(offer.id());
    List<String> readable =
        engine.getFilterService().createFilterQuery().list().stream()
            .filter(
                f ->
                    engine
                            .getAuthorizationService()
                            .createAuthorizationQuery()
                            .groupIdIn(group)
                            .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
                            .resourceId(f.getId())
                            .count()
                        > 0)
            .map(f -> f.getName())
            .sorted()
            .toList();
    assertThat(readable)
        .containsExactlyInAnyOrder(
            TasklistFilters.ALL_TASKS, TasklistFilters.MY_TASKS, TasklistFilters.PROVIDER_REQUESTS);
  }

  @Test
  void aGrantOnEveryFilterFromAnEarlierVersionIsTakenBackOnStart() {
    var authorizations = engine.getAuthorizationService();
    var wildcard =
        authorizations.createNewAuthorization(
            org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    wildcard.setGroupId(District.SEGEBERG.groupId());
    wildcard.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
    wildcard.setResourceId("*");
    wildcard.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(wildcard);
    api = new ApiClient(port);
    assertThat(filterNames("fk-seg-1"))
        .as("every filter, the earlier version's")
        .hasSizeGreaterThan(4);

    tasklistFilters.createFilters();

    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn(District.SEGEBERG.groupId())
                .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER)
                .resourceId("*")
                .count())
        .isZero();
    assertThat(filterNames("fk-seg-1")).as("the office's own filters again").hasSize(4);
  }

  @Test
  void theFiltersListTheTasksOfARunningCase() {
    api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String caseworker = fixtures.user("it-fk-" + suffix, District.STORMARN.groupId());
    OfferView offer = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String coordinator = fixtures.user("it-ko-" + suffix, de.ksi.network.Groups.COORDINATORS);

    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "STORMARN", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Filter",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String ref = created.json().get("caseReference").asText();

    // "Aufgaben meines Amtes": every open task of the office, claimed or not, the one due first on
    // top
    String choose = taskId(ref, CaseProcess.SearchElements.CHOOSE);
    List<String> officeTasks = taskIds(caseworker, "Aufgaben meines Amtes");
    assertThat(officeTasks).contains(choose);
    assertDueFirst(officeTasks);
    assertThat(
            taskIds(
                fixtures.user("it-fk-other-" + suffix, District.SEGEBERG.groupId()),
                "Aufgaben meines Amtes"))
        .doesNotContain(choose);

    // "Meine Aufgaben": the caseworker claims the choice of places
    assertThat(taskIds(caseworker, "Meine Aufgaben")).doesNotContain(choose);
    assertThat(
            api.as(caseworker)
                .post(
                    engineRest() + "/task/" + choose + "/claim",
                    "{\"userId\": \"" + caseworker + "\"}")
                .status())
        .isEqualTo(204);
    assertThat(taskIds(caseworker, "Meine Aufgaben")).containsExactly(choose);
    assertThat(taskIds(caseworker, "Aufgaben meines Amtes")).contains(choose);

    // "Anfragen an meinen Träger": the provider's request, only to that provider
    var submitted =
        api.as(caseworker)
            .post(
                engineRest() + "/task/" + choose + "/submit-form",
                """
        {"variables": {"choice": {"value": "REQUEST"},
                       "selectedOffers": {"value": "[\\"%d\\"]", "type": "Json"}}}"""
                    .formatted(offer.id()));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    String request = taskId(ref, CaseProcess.SearchElements.ANSWER);
    assertThat(taskIds(provider, "Anfragen an meinen Träger")).containsExactly(request);
    assertThat(count(provider, "Anfragen an meinen Träger")).isEqualTo(1);
    assertThat(taskIds("einrichtung-seg", "Anfragen an meinen Träger")).doesNotContain(request);

    // "Verbund-Eskalationen": no place in the district in time, the coordinators search the network
    assertThat(taskIds(coordinator, "Verbund-Eskalationen")).doesNotContain(request);
    CaseTimers.passTime(engine, ref, Duration.ofMinutes(31));
    String networkChoice = taskId(ref, CaseProcess.SearchElements.CHOOSE);
    assertThat(taskIds(coordinator, "Verbund-Eskalationen")).contains(networkChoice);
    assertThat(taskIds(caseworker, "Meine Aufgaben")).isEmpty();

    // "Überfällige Fristen": the office's duty past its due date, then the coordinators' overdue
    // task
    String informChild = taskId(ref, DutiesProcess.Elements.INFORM_CHILD);
    assertThat(taskIds(caseworker, "Überfällige Fristen")).doesNotContain(informChild);
    Date due =
        engine.getTaskService().createTaskQuery().taskId(informChild).singleResult().getDueDate();
    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    assertThat(taskIds(caseworker, "Überfällige Fristen")).contains(informChild);
    assertThat(taskIds(provider, "Meine Aufgaben")).isEmpty();
    CaseTimers.runDue(engine, ref);
    String overdue = taskId(ref, DutiesProcess.Elements.INFORM_CHILD_OVERDUE_TASK);
    assertThat(taskIds(coordinator, "Überfällige Fristen")).contains(overdue);
    assertThat(taskIds(caseworker, "Überfällige Fristen")).doesNotContain(overdue);
  }

  private List<String> filterNames(String user) {
    JsonNode filters = api.as(user).get(engineRest() + "/filter?resourceType=Task").expect(200);
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private String filterId(String user, String name) {
    JsonNode filters = api.as(user).get(engineRest() + "/filter?resourceType=Task").expect(200);
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError(user + " has no filter " + name);
  }

  private List<String> taskIds(String user, String filterName) {
    JsonNode list =
        api.as(user)
            .get(engineRest() + "/filter/" + filterId(user, filterName) + "/list?maxResults=500")
            .expect(200);
    List<String> ids = new ArrayList<>();
    list.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  /**
   * The tasks with a due date in the order the filters promise: due date first, then the higher
   * priority (where tasks without a due date go differs between H2 and PostgreSQL, so they are left
   * out).
   */
  private void assertDueFirst(List<String> ids) {
    Map<String, Task> byId =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskIdIn(ids.toArray(String[]::new))
            .list()
            .stream()
            .collect(Collectors.toMap(Task::getId, t -> t));
    List<Task> shown = ids.stream().map(byId::get).filter(t -> t.getDueDate() != null).toList();
    assertThat(shown)
        .isSortedAccordingTo(
            Comparator.comparing(Task::getDueDate)
                .thenComparing(Task::getPriority, Comparator.reverseOrder()));
  }

  private long count(String user, String filterName) {
    return api.as(user)
        .get(engineRest() + "/filter/" + filterId(user, filterName) + "/count")
        .expect(200)
        .get("count")
        .asLong();
  }

  private String taskId(String reference, String key) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open task %s of %s", key, reference).hasSize(1);
    return tasks.get(0).getId();
  }
}
