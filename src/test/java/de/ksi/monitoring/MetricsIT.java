// SPDX-License-Identifier: EUPL-1.2
package de.ksi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Prometheus metrics for admins and coordinators; health open for load balancers, with the
 * database.
 */
@KsiIntegrationTest
class MetricsIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void coordinatorsScrapeCasesByLevelHoldsDeclinesStaleOffersAndUndeliveredNotifications() {
    ApiClient api = new ApiClient(port);
    double waitingBefore =
        value(
            api.as("koordination-1").get("/actuator/prometheus").body(),
            "ksi_cases_waiting{level=\"KREIS\"}");
    fixtures.offerReportedAt(
        Instant.now().minus(Duration.ofDays(2)),
        District.PINNEBERG,
        Category.INOBHUTNAHME_GRUPPE,
        2,
        1);
    var created =
        api.as("fk-pin-1")
            .post(
                "/api/cases",
                """
        {"office": "PINNEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 10, "gender": "MALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Schule"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    moveClockPastSnapshot();

    var scrape = api.as("koordination-1").get("/actuator/prometheus");

    assertThat(scrape.status()).isEqualTo(200);
    String text = scrape.body();
    assertThat(value(text, "ksi_cases_waiting{level=\"KREIS\"}")).isGreaterThan(waitingBefore);
    assertThat(value(text, "ksi_offers_stale")).isGreaterThanOrEqualTo(1);
    assertThat(text)
        .contains(
            "ksi_holds{status=\"HELD\"}",
            "ksi_declines{reason=\"STAFF_SHORTAGE\"}",
            "ksi_notifications_undelivered",
            "ksi_case_time_to_placement_seconds");
  }

  @Test
  void caseworkersAndAnonymousCallersMayNotScrape() {
    ApiClient api = new ApiClient(port);

    assertThat(api.as("fk-seg-1").get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api.as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void loadBalancersAskHealthAndReadinessWithoutLoginAndReadinessIncludesTheDatabase() {
    ApiClient api = new ApiClient(port);

    assertThat(api.anonymous().get("/actuator/health").expect(200).get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health/readiness").expect(200).get("status").asText())
        .isEqualTo("UP");
    assertThat(api.anonymous().get("/actuator/health/liveness").expect(200).get("status").asText())
        .isEqualTo("UP");
  }

  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("series %s in the scrape", series).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * The gauges read our tables again once their snapshot is older than its maximum age: move the
   * clock past it.
   */
  private static void moveClockPastSnapshot() {
    ClockUtil.offset(OperationsMetrics.MAX_AGE.plusSeconds(1).toMillis());
  }
}
