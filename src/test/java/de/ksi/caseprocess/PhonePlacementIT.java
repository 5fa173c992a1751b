// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, defect 3: the office's own caseworker records a place found by phone while a request
 * is open.
 */
@KsiIntegrationTest
class PhonePlacementIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProcessEngine engine;

  @Test
  void theOfficesCaseworkerRecordsAPhonePlacementWhileARequestIsOpen() {
    ApiClient api = new ApiClient(port);
    OfferView asked = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView byPhone = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String ref =
        api.as("fk-sto-1")
            .post(
                "/api/cases",
                """
        {"office": "STORMARN", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 12, "gender": "FEMALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier Ahrensburg"}""")
            .expect(201)
            .get("caseReference")
            .asText();
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    api.as("fk-sto-1")
        .post(
            "/engine-rest/engine/" + engine.getName() + "/task/" + choose + "/submit-form",
            TaskForms.request(asked.id()));

    var recorded =
        api.as("fk-sto-1")
            .post(
                "/api/cases/" + ref + "/phone-placement",
                "{\"offerId\": %d, \"note\": \"Frau Kurz, Haus am See\"}".formatted(byPhone.id()));

    assertThat(recorded.status()).as(recorded.body()).isEqualTo(204);
    assertThat(api.as("fk-sto-1").get("/api/cases/" + ref).json().get("status").asText())
        .isEqualTo("PLACED");
    assertThat(registry.holdsOf(ref))
        .singleElement()
        .satisfies(h -> assertThat(h.status()).isEqualTo(HoldStatus.RELEASED));
    assertThat(registry.freePlaces(byPhone.id())).isEqualTo(1);
    assertThat(
            api.as("fk-pin-1")
                .post("/api/cases/" + ref + "/phone-placement", "{\"note\": \"x\"}")
                .status())
        .as("another office's caseworker does not see the case")
        .isEqualTo(404);
  }
}
