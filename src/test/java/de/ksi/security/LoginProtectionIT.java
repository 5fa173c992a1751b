// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.io.IOException;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Password guessing locks the account everywhere (login-max-attempts 5); the webapps send security headers. */
@KsiIntegrationTest
class LoginProtectionIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  @Autowired ServletWebServerApplicationContext web;

  @Test
  void aWebappSessionEndsAfterThirtyIdleMinutes() {
    Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];

    assertThat(context.getSessionTimeout()).as("minutes until an idle Tasklist/Cockpit login ends").isEqualTo(30);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForTheApiAndTheWebappsUntilAnAdministratorUnlocksIt() throws Exception {
    String user = fixtures.user("it-lockout-" + System.nanoTime() % 100_000, District.STORMARN.groupId());
    ApiClient api = new ApiClient(port);
    assertThat(api.as(user).get("/api/capacity/summary").status()).isEqualTo(200);

    for (int attempt = 1; attempt <= 5; attempt++) {
      // past the growing login delay, so that every attempt counts
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(5L * attempt))));
      assertThat(api.as(user, "geraten-" + attempt).get("/api/capacity/summary").status()).isEqualTo(401);
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));

    assertThat(api.as(user).get("/api/capacity/summary").status()).as("the right password, locked").isEqualTo(401);
    assertThat(api.as(user).get("/engine-rest/engine/" + engine.getName() + "/task").status()).isEqualTo(401);
    assertThat(webappLogin(user, ApiClient.PASSWORD).statusCode()).isEqualTo(401);

    engine.getIdentityService().unlockUser(user);
    assertThat(api.as(user).get("/api/capacity/summary").status()).isEqualTo(200);
  }

  @Test
  void theWebappsSendContentSecurityPolicyAndNoSniffing() throws Exception {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(),
        BodyHandlers.ofString());

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private HttpResponse<String> webappLogin(String user, String password) throws IOException, InterruptedException {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
