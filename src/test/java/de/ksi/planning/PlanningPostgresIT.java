// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planning's read-only SQL on PostgreSQL: the recorded year gives the same figures as on H2.
 */
@PostgresIntegrationTest
class PlanningPostgresIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;

  @Test
  void recordedDemandIsReadOnPostgres() {
    RecordedYear.write(fixtures, registry);
    String coordinator = fixtures.user("it-planning-coordinator", Groups.COORDINATORS);

    JsonNode report =
        new ApiClient(port).as(coordinator).get("/api/planning?" + RecordedYear.PERIOD).expect(200);

    JsonNode clearing = null;
    for (JsonNode c : report.get("categories")) {
      if (c.get("category").asText().equals("CLEARING_UMA")) {
        clearing = c;
      }
    }
    assertThat(clearing).isNotNull();
    assertThat(clearing.get("cases").asLong()).isEqualTo(RecordedYear.CASES);
    assertThat(clearing.get("arrivalsPerDayByOffice").get("PINNEBERG").asDouble())
        .isCloseTo(RecordedYear.CASES / 365.0, within(1e-3));
    assertThat(clearing.get("meanStayDays").asDouble()).isCloseTo(10, within(0.1));
    assertThat(clearing.get("refusalShare").asDouble())
        .isCloseTo(RecordedYear.REFUSAL_SHARE, within(1e-3));
    assertThat(clearing.get("meanResponseHours").asDouble()).isCloseTo(1.8, within(0.01));
    assertThat(clearing.get("simulation").get("arrivals").asText()).isEqualTo("RECORDED");
    assertThat(report.get("syntheticCases").asLong()).isZero();
  }
}
