// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every task of a case names the case (reference, age band, category, urgency) and carries its
 * urgency as priority.
 */
@KsiIntegrationTest
class TaskCaseLabelsIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theTasksOfACaseSayWhichCaseTheyBelongToAndTheProvidersSeeNoName() {
    ApiClient api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String caseworker = fixtures.user("lbl-fk-" + suffix, District.HERZOGTUM_LAUENBURG.groupId());
    OfferView offer =
        fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String ref = newCase(api, caseworker, "Ronja", "Räubertochter", 15, "IMMEDIATE");

    Task choose = task(ref, CaseProcess.SearchElements.CHOOSE);
    String category =
        Category.valueOf(
                jdbc.queryForObject(
                    "SELECT needed_category FROM custody_case WHERE reference = ?",
                    String.class,
                    ref))
            .label();
    assertThat(choose.getName())
        .isEqualTo(
            "Platz auswählen und anfragen — " + ref + " · 14–15 J. · " + category + " · sofort");
    assertThat(choose.getPriority()).isEqualTo(90);
    // the duties run in a process of their own and start before the search chose a category:
    // reference, age, urgency
    assertThat(task(ref, DutiesProcess.Elements.INFORM_CHILD).getName())
        .isEqualTo(
            "Kind informieren und Vertrauensperson benachrichtigen lassen — "
                + ref
                + " · 14–15 J. · sofort");

    var submitted =
        api.as(caseworker)
            .post(
                "/engine-rest/engine/"
                    + engine.getName()
                    + "/task/"
                    + choose.getId()
                    + "/submit-form",
                """
        {"variables": {"choice": {"value": "REQUEST"},
                       "selectedOffers": {"value": "[\\"%d\\"]", "type": "Json"}}}"""
                    .formatted(offer.id()));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    Task request = task(ref, CaseProcess.SearchElements.ANSWER);
    assertThat(request.getName())
        .startsWith("Platzanfrage beantworten — " + ref + " · 14–15 J. · ")
        .doesNotContain("Ronja")
        .doesNotContain("Räubertochter");
    assertThat(request.getPriority()).isEqualTo(90);
  }

  @Test
  void aPlannedCaseOfASmallChildComesAfterTheUrgentOnes() {
    ApiClient api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String caseworker = fixtures.user("lbl-fk-" + suffix, District.HERZOGTUM_LAUENBURG.groupId());
    fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.KLEINKIND_NOTAUFNAHME, 4, 2);
    String ref = newCase(api, caseworker, "Karl", "Klein", 4, "PLANNED");

    Task choose = task(ref, CaseProcess.SearchElements.CHOOSE);
    assertThat(choose.getName())
        .matches("Platz auswählen und anfragen — " + ref + " · 3–5 J. · [^·]+ · planbar");
    assertThat(choose.getPriority()).isEqualTo(50);
  }

  private String newCase(
      ApiClient api, String caseworker, String first, String last, int age, String urgency) {
    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "HERZOGTUM_LAUENBURG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "%s", "lastName": "%s",
         "estimatedAge": %d, "gender": "FEMALE", "siblings": 1, "urgency": "%s",
         "currentLocation": "Polizeirevier"}"""
                    .formatted(first, last, age, urgency));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseReference").asText();
  }

  private Task task(String reference, String key) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(key)
            .list();
    if (tasks.isEmpty()) {
      // the duties and the search run in processes of their own, called by the case
      tasks =
          engine.getTaskService().createTaskQuery().taskDefinitionKey(key).list().stream()
              .filter(t -> t.getName().contains(reference))
              .toList();
    }
    assertThat(tasks).as("open task %s of %s", key, reference).hasSize(1);
    return tasks.get(0);
  }
}
