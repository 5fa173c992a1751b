// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing slows down per account and source (the client address comes from
 * X-Forwarded-For, sent here from the trusted local proxy) on /api, /engine-rest and the webapp
 * login; nobody can lock an account.
 */
@KsiIntegrationTest
class LoginThrottleIT {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String ATTACKER = "203.0.113.66";
  private static final String OFFICE_PC = "10.17.4.21";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired LoginThrottle throttle;

  private Duration ahead = Duration.ZERO;
  private String user;

  @AfterEach
  void forget() {
    if (user != null) {
      throttle.lift(user);
    }
  }

  @Test
  void theFourthWrongPasswordBlocksThisAccountFromThisSourceOnlyAndTheBlockEndsByItself() {
    user = fixtures.user("it-throttle-" + SEQUENCE.incrementAndGet(), District.STORMARN.groupId());
    ApiClient api = new ApiClient(port);
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(
              api.as(user, "geraten-" + attempt)
                  .with("X-Forwarded-For", ATTACKER)
                  .get("/api/capacity/summary")
                  .status())
          .isEqualTo(401);
    }

    ApiClient.Reply blocked =
        api.as(user).inGerman().with("X-Forwarded-For", ATTACKER).get("/api/capacity/summary");
    assertThat(blocked.status()).as("even the right password waits").isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(blocked.json().path("detail").asText())
        .startsWith("Zu viele Fehlversuche: Anmeldung für dieses Konto ist für 1 Minute gesperrt")
        .contains("Koordinierungsstelle");
    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .as("another source")
        .isEqualTo(200);
    assertThat(
            api.as("fk-sto-1")
                .with("X-Forwarded-For", ATTACKER)
                .get("/api/capacity/summary")
                .status())
        .as("another account from the same source")
        .isEqualTo(200);

    moveClock(Duration.ofSeconds(31));
    assertThat(api.as(user).with("X-Forwarded-For", ATTACKER).get("/api/capacity/summary").status())
        .isEqualTo(200);
  }

  @Test
  void aGuesserCannotLockTheRealUserOutFromTheirOwnComputerAndCamundaNeverLocksTheAccount() {
    user = fixtures.user("it-throttle-" + SEQUENCE.incrementAndGet(), District.SEGEBERG.groupId());
    ApiClient api = new ApiClient(port);
    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .isEqualTo(200);

    for (int attempt = 1; attempt <= 30; attempt++) {
      moveClock(Duration.ofMinutes(16)); // past every block, so that every guess counts
      assertThat(
              api.as(user, "geraten-" + attempt)
                  .with("X-Forwarded-For", "198.51.100." + attempt % 3)
                  .get("/engine-rest/engine/" + engine.getName() + "/task")
                  .status())
          .isEqualTo(401);
    }

    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .isEqualTo(200);
    assertThat(
            api.as(user)
                .with("X-Forwarded-For", OFFICE_PC)
                .get("/engine-rest/engine/" + engine.getName() + "/task")
                .status())
        .isEqualTo(200);
    assertThat(engine.getIdentityService().checkPassword(user, ApiClient.PASSWORD))
        .as("no lock in the engine")
        .isTrue();
  }

  @Test
  void theLastAdministratorCanAlwaysLogInAgain() {
    user = fixtures.user("it-admin-" + SEQUENCE.incrementAndGet(), Groups.ADMINS);
    ApiClient api = new ApiClient(port);
    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .isEqualTo(200);

    for (int attempt = 1; attempt <= 40; attempt++) {
      api.as(user, "geraten-" + attempt)
          .with("X-Forwarded-For", "198.51.100." + attempt)
          .get("/api/capacity/summary");
    }

    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .as("from the administrator's own computer at once")
        .isEqualTo(200);
    ApiClient.Reply elsewhere =
        api.as(user).with("X-Forwarded-For", "192.0.2.1").get("/api/capacity/summary");
    assertThat(elsewhere.status()).as("from a new computer a short wait").isEqualTo(429);
    assertThat(Long.parseLong(elsewhere.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    moveClock(Duration.ofSeconds(61));
    assertThat(
            api.as(user).with("X-Forwarded-For", "192.0.2.1").get("/api/capacity/summary").status())
        .isEqualTo(200);
    assertThat(engine.getIdentityService().checkPassword(user, ApiClient.PASSWORD)).isTrue();
  }

  @Test
  void theWebappLoginPageTellsABlockedUserInGermanHowLongAndWhoHelpsAtNight() throws Exception {
    user = fixtures.user("it-throttle-" + SEQUENCE.incrementAndGet(), District.PINNEBERG.groupId());
    CookieManager cookies = new CookieManager();
    HttpClient browser =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(webappLogin(browser, cookies, user, "falsch-" + attempt).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> blocked = webappLogin(browser, cookies, user, ApiClient.PASSWORD);

    assertThat(blocked.statusCode()).isEqualTo(429);
    String message = new ObjectMapper().readTree(blocked.body()).path("message").asText();
    assertThat(message)
        .startsWith("Zu viele Fehlversuche: Anmeldung für dieses Konto ist für 1 Minute gesperrt")
        .contains("nachts", "Koordinierungsstelle");
  }

  @Test
  void theCoordinatorsNightDutyLiftsABlockAtOnce() {
    user =
        fixtures.user("it-throttle-" + SEQUENCE.incrementAndGet(), District.NORDERSTEDT.groupId());
    ApiClient api = new ApiClient(port);
    for (int attempt = 1; attempt <= 6; attempt++) {
      api.as(user, "geraten-" + attempt)
          .with("X-Forwarded-For", OFFICE_PC)
          .get("/api/capacity/summary");
    }
    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .isEqualTo(429);

    assertThat(api.as("fk-nor-1").post("/api/accounts/" + user + "/unlock").status())
        .as("caseworkers may not")
        .isEqualTo(403);
    assertThat(api.as("koordination-2").post("/api/accounts/" + user + "/unlock").status())
        .isEqualTo(204);

    assertThat(
            api.as(user).with("X-Forwarded-For", OFFICE_PC).get("/api/capacity/summary").status())
        .isEqualTo(200);
  }

  /**
   * Moves the engine clock (and with it the application's) ahead of real time by {@code by} more.
   */
  @Test
  void camundasPasswordCheckForOtherUsersIsSwitchedOff() {
    ApiClient.Reply verify =
        new ApiClient(port)
            .as("fk-seg-1")
            .post(
                "/engine-rest/identity/verify",
                "{\"username\": \"admin\", \"password\": \"demo\"}");

    assertThat(verify.status()).as(verify.body()).isEqualTo(403);
    assertThat(verify.body()).contains("switched off").doesNotContain("authenticated");
  }

  private void moveClock(Duration by) {
    ahead = ahead.plus(by);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(ahead)));
  }

  private HttpResponse<String> webappLogin(
      HttpClient browser, CookieManager cookies, String name, String password) throws Exception {
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElseThrow();
    String form =
        "username="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(
        HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", token)
            .header("X-Forwarded-For", ATTACKER)
            .POST(BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
