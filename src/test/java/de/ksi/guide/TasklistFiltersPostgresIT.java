// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist filters on PostgreSQL: created without demo data, per role, and their expressions
 * evaluated there.
 */
@PostgresIntegrationTest
class TasklistFiltersPostgresIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  @Test
  void eachRoleSeesItsFiltersAndTheyListTheCase() {
    ApiClient api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String caseworker = fixtures.user("pg-fk-" + suffix, District.SEGEBERG.groupId());
    String coordinator = fixtures.user("pg-ko-" + suffix, Groups.COORDINATORS);
    String provider =
        fixtures.providerLogin(
            fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id());
    assertThat(names(api, caseworker))
        .containsExactlyInAnyOrder(
            "Alle Aufgaben", "Meine Aufgaben", "Aufgaben meines Amtes", "Überfällige Fristen");
    assertThat(names(api, coordinator))
        .containsExactlyInAnyOrder(
            "Alle Aufgaben", "Meine Aufgaben", "Verbund-Eskalationen", "Überfällige Fristen");
    assertThat(names(api, provider))
        .containsExactlyInAnyOrder("Alle Aufgaben", "Meine Aufgaben", "Anfragen an meinen Träger");

    var created =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Pia", "lastName": "Postgres",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Revier"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String ref = created.json().get("caseReference").asText();
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    api.as(caseworker)
        .post(engineRest() + "/task/" + choose + "/claim", "{\"userId\": \"" + caseworker + "\"}");
    assertThat(taskIds(api, caseworker, "Meine Aufgaben")).containsExactly(choose);
    assertThat(taskIds(api, caseworker, "Aufgaben meines Amtes")).contains(choose);

    var inform =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskDefinitionKey(DutiesProcess.Elements.INFORM_CHILD)
            .singleResult();
    ClockUtil.setCurrentTime(new Date(inform.getDueDate().getTime() + 60_000));
    assertThat(taskIds(api, caseworker, "Überfällige Fristen")).contains(inform.getId());
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private List<String> names(ApiClient api, String user) {
    List<String> names = new ArrayList<>();
    api.as(user)
        .get(engineRest() + "/filter?resourceType=Task")
        .expect(200)
        .forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private List<String> taskIds(ApiClient api, String user, String filter) {
    String id = null;
    for (JsonNode f : api.as(user).get(engineRest() + "/filter?resourceType=Task").expect(200)) {
      if (f.get("name").asText().equals(filter)) {
        id = f.get("id").asText();
      }
    }
    List<String> ids = new ArrayList<>();
    api.as(user)
        .get(engineRest() + "/filter/" + id + "/list")
        .expect(200)
        .forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}
