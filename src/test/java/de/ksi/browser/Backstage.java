// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.CaseTimers;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * What happens around the browser in {@link HandbuchBrowserIT}: cases registered over {@code /api},
 * their state, their open tasks, and deadlines let pass by moving the engine clock and firing the
 * due timers.
 */
final class Backstage {

  private final ProcessEngine engine;
  private final ApiClient api;

  Backstage(ProcessEngine engine, ApiClient api) {
    this.engine = engine;
    this.api = api;
  }

  String registerCase(
      String caseworker, String office, String firstName, String ground, String urgency) {
    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "%s", "legalGround": "%s", "firstName": "%s", "lastName": "Musterkind", "estimatedAge": 14,
         "gender": "FEMALE", "siblings": 1, "urgency": "%s", "currentLocation": "Jugendamt"}"""
                    .formatted(office, ground, firstName, urgency));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseReference").asText();
  }

  /** The first offer of the provider the login acts for. */
  long ownOffer(String login) {
    String group =
        engine.getIdentityService().createGroupQuery().groupMember(login).singleResult().getId();
    for (var provider : api.as(login).get("/api/providers").json()) {
      if (provider.get("groupId").asText().equals(group)) {
        return provider.get("offers").get(0).get("id").asLong();
      }
    }
    throw new AssertionError("no provider for " + login);
  }

  String providerName(String login) {
    return engine
        .getIdentityService()
        .createGroupQuery()
        .groupMember(login)
        .singleResult()
        .getName();
  }

  String status(String reference) {
    return api.as("koordination-1").get("/api/cases/" + reference).json().get("status").asText();
  }

  String escalationLevel(String reference) {
    return api.as("koordination-1")
        .get("/api/cases/" + reference)
        .json()
        .get("escalationLevel")
        .asText();
  }

  List<String> caseReferences() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY)
        .list()
        .stream()
        .map(p -> p.getBusinessKey())
        .toList();
  }

  String newCaseReference(List<String> before) {
    return caseReferences().stream()
        .filter(r -> r != null && !before.contains(r))
        .findFirst()
        .orElse(null);
  }

  Task task(String reference, String key) {
    Task task = openTask(reference, key);
    assertThat(task).as("open task %s of case %s", key, reference).isNotNull();
    return task;
  }

  Task openTask(String reference, String key) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(key)
            .list();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  /** Lets time pass for the case: its deadlines that fall due meanwhile fire. */
  void passTime(String reference, Duration duration) {
    CaseTimers.passTime(engine, reference, duration);
  }
}
