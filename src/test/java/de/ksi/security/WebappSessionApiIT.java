// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A page of the webapps (the Cockpit plugin) calls /api as the logged-in user, with the CSRF token only. */
@KsiIntegrationTest
class WebappSessionApiIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final CookieManager cookies = new CookieManager();
  private HttpClient browser;

  @BeforeEach
  void browser() {
    browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Test
  void aCockpitSessionWithItsCsrfTokenReadsTheLagebildWithTheUsersRights() throws Exception {
    String token = logIn("cockpit", "koordination-1");

    HttpResponse<String> lagebild = get("/api/lagebild", token);

    assertThat(lagebild.statusCode()).as(lagebild.body()).isEqualTo(200);
    assertThat(lagebild.headers().allValues("Set-Cookie")).as("the session keeps its id").isEmpty();
    assertThat(new ObjectMapper().readTree(lagebild.body()).get("networkWide").asBoolean()).isTrue();
    HttpResponse<String> cockpitCall = get("/camunda/api/engine/engine/" + engine.getName() + "/task/count", token);
    assertThat(cockpitCall.statusCode()).as("the webapp session still works: " + cockpitCall.body()).isEqualTo(200);
  }

  @Test
  void aTasklistSessionOfACaseworkerGetsTheCaseworkersView() throws Exception {
    String token = logIn("tasklist", "fk-sto-1");

    HttpResponse<String> lagebild = get("/api/lagebild", token);

    assertThat(lagebild.statusCode()).isEqualTo(200);
    var json = new ObjectMapper().readTree(lagebild.body());
    assertThat(json.get("networkWide").asBoolean()).isFalse();
    assertThat(json.get("offices").toString()).isEqualTo("[\"STORMARN\"]");
  }

  @Test
  void theSessionAloneIsNotEnoughWithoutTheCsrfToken() throws Exception {
    String token = logIn("cockpit", "koordination-1");

    assertThat(get("/api/lagebild", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/lagebild", token + "x").statusCode()).isEqualTo(401);
  }

  @Test
  void theSessionGrantsNoMoreThanTheUsersGroups() throws Exception {
    String token = logIn("tasklist", "fk-seg-1");

    assertThat(get("/actuator/prometheus", token).statusCode()).isEqualTo(403);
  }

  @Test
  void cockpitServesThePluginScript() throws Exception {
    logIn("cockpit", "koordination-1");

    HttpResponse<String> script = get("/camunda/api/cockpit/plugin/lagebild/static/app/plugin.js", null);

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.dashboard", "/api/lagebild", "X-XSRF-TOKEN");
  }

  /** Logs in like the login page does and returns the session's CSRF token. */
  private String logIn(String app, String user) throws IOException, InterruptedException {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).build(), BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", xsrfCookie())
            .POST(BodyPublishers.ofString("username=" + user + "&password=" + ApiClient.PASSWORD)).build(),
        BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).build(), BodyHandlers.discarding());
    return xsrfCookie();
  }

  private String xsrfCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return browser.send(request.build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
