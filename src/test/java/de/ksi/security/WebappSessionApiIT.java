// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.testing.KsiIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page of the webapps (the Cockpit plugin) calls /api as the logged-in user, with the CSRF token
 * only.
 */
@KsiIntegrationTest
class WebappSessionApiIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private WebappSession session;

  @BeforeEach
  void browser() {
    session = new WebappSession(port, engine.getName());
  }

  @Test
  void aCockpitSessionWithItsCsrfTokenReadsTheLagebildWithTheUsersRights() throws Exception {
    String token = logIn("cockpit", "koordination-1");

    HttpResponse<String> lagebild = get("/api/lagebild", token);

    assertThat(lagebild.statusCode()).as(lagebild.body()).isEqualTo(200);
    assertThat(lagebild.headers().allValues("Set-Cookie")).as("the session keeps its id").isEmpty();
    assertThat(new ObjectMapper().readTree(lagebild.body()).get("networkWide").asBoolean())
        .isTrue();
    HttpResponse<String> cockpitCall =
        get("/camunda/api/engine/engine/" + engine.getName() + "/task/count", token);
    assertThat(cockpitCall.statusCode())
        .as("the webapp session still works: " + cockpitCall.body())
        .isEqualTo(200);
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

    HttpResponse<String> script =
        get("/camunda/api/cockpit/plugin/lagebild/static/app/plugin.js", null);

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.dashboard", "/api/lagebild", "X-XSRF-TOKEN");
  }

  private String logIn(String app, String user) throws IOException, InterruptedException {
    return session.logIn(app, user);
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return session.send("GET", path, token, null);
  }
}
