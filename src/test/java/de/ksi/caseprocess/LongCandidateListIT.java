// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.ProviderData;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, defect 1: a long candidate list (many providers with long names) must not break the
 * case. The list text is a string variable in a {@code varchar(4000)} column of the engine, so it
 * must stay bounded.
 */
@KsiIntegrationTest
class LongCandidateListIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProviderDirectory directory;
  @Autowired CapacityRegistry registry;
  @Autowired ProcessEngine engine;

  ApiClient api;
  String caseworker;

  @BeforeEach
  void fifteenProvidersWithLongNamesInLauenburg() {
    api = new ApiClient(port);
    caseworker =
        fixtures.user(
            "it-fk-hlb-" + UUID.randomUUID().toString().substring(0, 8),
            District.HERZOGTUM_LAUENBURG.groupId());
    for (int i = 0; i < 15; i++) {
      String n = UUID.randomUUID().toString();
      String name =
          ("Evangelische Jugendhilfe | Kinder- und Jugendnotdienst Herzogtum Lauenburg " + n + " ")
              .repeat(3)
              .substring(0, 200);
      long offer =
          directory
              .register(
                  new ProviderData(
                      name,
                      District.HERZOGTUM_LAUENBURG,
                      "Teststraße 1, 23909 Ratzeburg",
                      "04541 555 1",
                      "lang-" + n + "@test.example.org"),
                  null,
                  List.of(Fixtures.terms(Category.INOBHUTNAHME_GRUPPE, 8)),
                  "it")
              .offers()
              .get(0)
              .id();
      registry.reportAvailability(offer, 4, "it");
    }
  }

  @Test
  void aSiblingGroupIsRegisteredAndEscalatesToTheNetworkWhenTheDistrictDeadlineFires() {
    var created =
        api.as(caseworker)
            .with("Idempotency-Key", UUID.randomUUID().toString())
            .post("/api/cases", intake());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String ref = created.json().get("caseReference").asText();
    Task choose = task(ref, SearchElements.CHOOSE);
    String summary =
        (String)
            engine
                .getFormService()
                .getTaskFormVariables(choose.getId())
                .getValue(Vars.CANDIDATE_SUMMARY, String.class);
    assertThat(summary).hasSizeLessThan(4000).contains("| 1 |").contains("…");

    Job deadline = fixtures.job(fixtures.caseInstance(ref), Elements.DISTRICT_DEADLINE);
    engine.getManagementService().executeJob(deadline.getId());

    assertThat(api.as(caseworker).get("/api/cases/" + ref).json().get("escalationLevel").asText())
        .isEqualTo("VERBUND");
    Task network = task(ref, SearchElements.CHOOSE);
    assertThat(engine.getTaskService().getIdentityLinksForTask(network.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Groups.COORDINATORS));
  }

  @Test
  void givingUpOnALongListEscalatesInsteadOfFailing() {
    String ref =
        api.as(caseworker).post("/api/cases", intake()).expect(201).get("caseReference").asText();
    Task choose = task(ref, SearchElements.CHOOSE);

    var gaveUp =
        api.as(caseworker)
            .post(
                "/engine-rest/engine/"
                    + engine.getName()
                    + "/task/"
                    + choose.getId()
                    + "/submit-form",
                "{\"variables\": {\"choice\": {\"value\": \"GIVE_UP\"}}}");

    assertThat(gaveUp.status()).as(gaveUp.body()).isEqualTo(204);
    assertThat(api.as(caseworker).get("/api/cases/" + ref).json().get("escalationLevel").asText())
        .isEqualTo("VERBUND");
  }

  private static String intake() {
    return """
        {"office": "HERZOGTUM_LAUENBURG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 16,
         "gender": "FEMALE", "siblings": 2, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier Ratzeburg"}""";
  }

  private Task task(String ref, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(key)
        .singleResult();
  }
}
