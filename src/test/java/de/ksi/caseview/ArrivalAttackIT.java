// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Providers cannot abuse "Aufnahme vorbereiten": not with variables beyond its form, not on another
 * provider's or case's task, not by writing the group it goes to; checked by effect on the arrival
 * rows and the tasks.
 */
@KsiIntegrationTest
class ArrivalAttackIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aProviderConfirmsOnlyItsOwnArrivalAndOnlyWithTheFormsField() {
    ApiClient api = new ApiClient(port);
    CaseSteps steps = new CaseSteps(api, engine.getName());
    String caseworker =
        fixtures.user(
            "it-aa-" + UUID.randomUUID().toString().substring(0, 8), District.SEGEBERG.groupId());
    OfferView mine = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView theirs = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(mine.id());
    String otherProvider = fixtures.providerLogin(theirs.id());
    String myCase = placed(steps, caseworker, mine.id(), provider);
    String otherCase = placed(steps, caseworker, theirs.id(), otherProvider);
    String myTask = steps.taskId(provider, myCase, CaseProcess.Elements.PREPARE_ARRIVAL);
    String otherTask = steps.taskId(otherProvider, otherCase, CaseProcess.Elements.PREPARE_ARRIVAL);
    long otherCaseId = caseId(otherCase);

    // another case's id, or a different group for the task, sent with the form
    assertThat(
            steps
                .confirmArrival(
                    provider,
                    myTask,
                    "{\"arrival\": {\"value\": \"ARRIVED\"}, \"caseId\": {\"value\": "
                        + otherCaseId
                        + ", \"type\": \"Long\"}}")
                .status())
        .isEqualTo(400);
    assertThat(
            steps
                .confirmArrival(
                    provider,
                    myTask,
                    "{\"arrival\": {\"value\": \"ARRIVED\"},"
                        + " \"arrivalGroup\": {\"value\": \"traeger-x\"}}")
                .status())
        .isEqualTo(400);
    // a value the form does not offer, or none at all
    assertThat(
            steps
                .confirmArrival(provider, myTask, "{\"arrival\": {\"value\": \"NOT_YET\"}}")
                .status())
        .isEqualTo(400);
    assertThat(steps.confirmArrival(provider, myTask, "{}").status()).isEqualTo(400);
    // another provider's task, found by guessing its id
    assertThat(
            steps
                .confirmArrival(provider, otherTask, "{\"arrival\": {\"value\": \"ARRIVED\"}}")
                .status())
        .isIn(403, 404);
    assertThat(steps.visibleTasks(provider, otherCase, CaseProcess.Elements.PREPARE_ARRIVAL))
        .isZero();
    // the office cannot confirm in the provider's place, and nobody writes variables onto the task
    assertThat(
            steps
                .confirmArrival(caseworker, myTask, "{\"arrival\": {\"value\": \"ARRIVED\"}}")
                .status())
        .isIn(403, 404);
    assertThat(
            api.as(provider)
                .put(
                    "/engine-rest/engine/"
                        + engine.getName()
                        + "/task/"
                        + myTask
                        + "/localVariables/arrivalGroup",
                    "{\"value\": \"" + "traeger-x" + "\"}")
                .status())
        .isEqualTo(403);

    assertThat(arrived(caseId(myCase))).as("nothing confirmed by the attempts").isFalse();
    assertThat(arrived(otherCaseId)).isFalse();

    assertThat(
            steps
                .confirmArrival(provider, myTask, "{\"arrival\": {\"value\": \"ARRIVED\"}}")
                .status())
        .isEqualTo(204);
    assertThat(arrived(caseId(myCase))).isTrue();
    assertThat(arrived(otherCaseId)).as("the other case stays unconfirmed").isFalse();
  }

  private String placed(CaseSteps steps, String caseworker, long offerId, String provider) {
    String ref = steps.register(caseworker, "SEGEBERG");
    steps.request(caseworker, ref, offerId);
    steps.accept(provider, ref);
    return ref;
  }

  private long caseId(String ref) {
    return jdbc.queryForObject("SELECT id FROM custody_case WHERE reference = ?", Long.class, ref);
  }

  private boolean arrived(long caseId) {
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM case_arrival WHERE case_id = ? AND arrived_at IS NOT NULL",
            Integer.class,
            caseId)
        == 1;
  }
}
