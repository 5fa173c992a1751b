// SPDX-License-Identifier: EUPL-1.2
package de.ksi.requests;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A caseworker asks at most {@code ksi.requests.max-parallel} (default 5) providers at once, and
 * only offers that fit the child in the district searched; the server refuses anything else with a
 * German message, whatever the form offered, and nothing is held or sent.
 */
@KsiIntegrationTest
class RequestRulesIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired CapacityRegistry registry;

  private ApiClient api;
  private String caseworker;

  @BeforeEach
  void caseworker() {
    api = new ApiClient(port);
    caseworker = fixtures.caseworker(District.SEGEBERG);
  }

  @Test
  void aSixthParallelRequestIsRefusedNamingTheCapAndFiveGoOut() {
    List<Long> offers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      offers.add(fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id());
    }
    String ref = newCase();

    var six = choose(ref, offers);

    assertThat(six.status()).as(six.body()).isEqualTo(400);
    assertThat(six.json().get("field").asText()).isEqualTo("selectedOffers");
    assertThat(six.body())
        .contains("Bitte höchstens 5 Träger gleichzeitig anfragen (ausgewählt: 6)");
    assertThat(registry.holdsOf(ref)).as("nothing held").isEmpty();
    assertThat(chooseTask(ref)).as("the form is still open").isNotNull();

    var five = choose(ref, offers.subList(0, 5));

    assertThat(five.status()).as(five.body()).isEqualTo(204);
    assertThat(registry.holdsOf(ref)).hasSize(5);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(ref)
                .taskDefinitionKey(CaseProcess.SearchElements.ANSWER)
                .count())
        .isEqualTo(5);
  }

  @Test
  void offersThatDoNotFitTheChildAreRefusedEvenIfSubmittedByHand() {
    OfferView fits = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView toddlers =
        fixtures.offerForAges(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 0, 5, 4, 2);
    OfferView boys =
        fixtures.offerForGenders(
            District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, EnumSet.of(Gender.MALE), 4, 2);
    OfferView residential = fixtures.offer(District.SEGEBERG, Category.WOHNGRUPPE_34, 4, 2);
    OfferView elsewhere = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String ref = newCase();

    for (OfferView misfit : List.of(toddlers, boys, residential, elsewhere)) {
      var refused = choose(ref, List.of(fits.id(), misfit.id()));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("passen nicht zum Kind", "Angebot " + misfit.id());
    }
    var unknown = choose(ref, List.of(fits.id(), 987654321L));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("Angebot 987654321 gibt es nicht");
    assertThat(registry.holdsOf(ref)).as("nothing held").isEmpty();

    assertThat(choose(ref, List.of(fits.id())).status()).isEqualTo(204);
    assertThat(registry.holdsOf(ref)).extracting(h -> h.offerId()).containsExactly(fits.id());
  }

  private String newCase() {
    return Intakes.newCase(api.as(caseworker), District.SEGEBERG);
  }

  private String chooseTask(String ref) {
    var task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskDefinitionKey(CaseProcess.SearchElements.CHOOSE)
            .singleResult();
    return task == null ? null : task.getId();
  }

  private ApiClient.Reply choose(String ref, List<Long> offers) {
    return api.as(caseworker)
        .inGerman()
        .post(
            "/engine-rest/engine/" + engine.getName() + "/task/" + chooseTask(ref) + "/submit-form",
            TaskForms.request(offers.stream().mapToLong(Long::longValue).toArray()));
  }
}
