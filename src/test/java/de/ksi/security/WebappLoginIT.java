// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps: demo users log in with their password, protected against CSRF, in German.
 */
@KsiIntegrationTest
class WebappLoginIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  /** Tests give the engine a unique name; in production it is "default". */
  @Autowired ProcessEngine engine;

  private final CookieManager cookies = new CookieManager();
  private HttpClient browser;

  @BeforeEach
  void browser() {
    browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Test
  void theStartPageLeadsToTheWebapps() throws Exception {
    HttpResponse<String> start =
        browser.send(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofString());

    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body())
        .contains(
            "href=\"/camunda/app/tasklist/\"",
            "href=\"/camunda/app/cockpit/\"",
            "href=\"/camunda/app/admin/\"");
  }

  @Test
  void aDemoCaseworkerLogsIntoTasklistAndSeesOnlyTasklist() throws Exception {
    HttpResponse<String> login = login("tasklist", "fk-seg-1", ApiClient.PASSWORD, xsrfToken());

    assertThat(login.statusCode()).isEqualTo(200);
    JsonNode user = new ObjectMapper().readTree(login.body());
    assertThat(user.get("userId").asText()).isEqualTo("fk-seg-1");
    assertThat(names(user.get("authorizedApps")))
        .contains("tasklist")
        .doesNotContain("cockpit", "admin");

    HttpResponse<String> session =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine.getName())).build(),
            BodyHandlers.ofString());
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(session.body()).contains("\"userId\":\"fk-seg-1\"");
  }

  @Test
  void coordinatorsMayUseCockpitAndTheAdministratorAdmin() throws Exception {
    JsonNode coordinator =
        new ObjectMapper().readTree(login("cockpit", "koordination-1", "demo", xsrfToken()).body());
    assertThat(names(coordinator.get("authorizedApps")))
        .contains("tasklist", "cockpit")
        .doesNotContain("admin");

    cookies.getCookieStore().removeAll();
    JsonNode admin =
        new ObjectMapper().readTree(login("admin", "admin", "demo", xsrfToken()).body());
    assertThat(names(admin.get("authorizedApps"))).contains("tasklist", "cockpit", "admin");
  }

  @Test
  void aLoginWithAWrongPasswordFails() throws Exception {
    String user = fixtures.user("it-webapp-wrong", District.SEGEBERG.groupId());

    assertThat(login("tasklist", user, "falsch", xsrfToken()).statusCode()).isEqualTo(401);
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
    xsrfToken();

    assertThat(login("tasklist", "fk-seg-2", ApiClient.PASSWORD, null).statusCode()).isEqualTo(403);
  }

  @Test
  void theWebappsSpeakGermanByDefault() throws Exception {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      HttpResponse<String> config =
          browser.send(
              HttpRequest.newBuilder(uri("/camunda/app/" + app + "/scripts/config.js")).build(),
              BodyHandlers.ofString());
      assertThat(config.statusCode()).isEqualTo(200);
      assertThat(config.body()).contains("availableLocales: ['de']", "fallbackLocale: 'de'");
    }
  }

  /** What the browser does first: load a page, which sets the XSRF-TOKEN cookie. */
  private String xsrfToken() throws IOException, InterruptedException {
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  private HttpResponse<String> login(String app, String user, String password, String token)
      throws IOException, InterruptedException {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
