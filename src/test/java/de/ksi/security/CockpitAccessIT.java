// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.testing.KsiIntegrationTest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open Cockpit and what its start page offers: heads of office log in and read their
 * office's statistics and the network's planning through the Cockpit session; caseworkers stay out;
 * everyone but administrators gets the page without the engine's edit tools.
 */
@KsiIntegrationTest
class CockpitAccessIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private WebappSession session;

  @BeforeEach
  void browser() {
    session = new WebappSession(port, engine.getName());
  }

  @Test
  void aHeadOfOfficeLogsIntoCockpitAndReadsOwnStatisticsAndThePlanning() throws Exception {
    String token = session.logIn("cockpit", "al-seg");

    HttpResponse<String> statistics = session.send("GET", "/api/statistics", token, null);
    assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(statistics.body()).get("scope").asText())
        .isEqualTo("SEGEBERG");
    assertThat(session.send("GET", "/api/statistics?office=STORMARN", token, null).statusCode())
        .as("another office's figures")
        .isEqualTo(403);
    HttpResponse<String> network =
        session.send("GET", "/api/statistics?office=NETWORK", token, null);
    assertThat(new ObjectMapper().readTree(network.body()).get("scope").asText())
        .as("asked for the network, a head gets the own office's figures")
        .isEqualTo("SEGEBERG");
    HttpResponse<String> planning = session.send("GET", "/api/planning", token, null);
    assertThat(planning.statusCode()).as(planning.body()).isEqualTo(200);
    for (String plugin : new String[] {"statistik", "planung"}) {
      assertThat(
              session
                  .send(
                      "GET",
                      "/camunda/api/cockpit/plugin/" + plugin + "/static/app/plugin.js",
                      token,
                      null)
                  .statusCode())
          .as(plugin)
          .isEqualTo(200);
    }
  }

  @Test
  void aCaseworkerCannotLogIntoCockpit() throws Exception {
    assertThat(session.logInStatus("cockpit", "fk-seg-1")).isEqualTo(403);
  }

  @Test
  void cockpitsStartPageLeavesOutTheEngineToolsForCoordinatorsAndHeads() throws Exception {
    for (String user : new String[] {"koordination-1", "al-sto"}) {
      WebappSession own = new WebappSession(port, engine.getName());
      String token = own.logIn("cockpit", user);
      HttpResponse<String> page =
          own.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/", token, null);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .as(user)
          .contains(
              "cam-exclude-plugins=\"" + CockpitToolsFilter.EXCLUDED_WITHOUT_DEPLOYMENT + "\"",
              "ksi-tools=\"read-only\"",
              "/app/cockpit/styles/ksi-read-only.css",
              "app-name=\"cockpit\"");
      assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @Test
  void processOwnersKeepTheDeletionOfDeploymentsOnly() throws Exception {
    String token = session.logIn("cockpit", "prozess-1");

    HttpResponse<String> page =
        session.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/", token, null);

    assertThat(page.body())
        .contains(
            "cam-exclude-plugins=\"" + CockpitToolsFilter.EXCLUDED_PLUGINS + "\"",
            "ksi-tools=\"deploy\"",
            "/app/cockpit/styles/ksi-read-only.css");
  }

  @Test
  void thePageBeforeLoginIsBuiltForReadingOnly() throws Exception {
    HttpResponse<String> page =
        session.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/", null, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("ksi-tools=\"read-only\"", "delete-deployment");
  }

  @Test
  void administratorsKeepTheEngineTools() throws Exception {
    String token = session.logIn("cockpit", "admin");

    HttpResponse<String> page =
        session.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/", token, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("app-name=\"cockpit\"")
        .doesNotContain(
            "cam-exclude-plugins=\"" + CockpitToolsFilter.EXCLUDED_PLUGINS,
            "ksi-tools",
            "ksi-read-only");
  }

  @Test
  void theExclusionsCoverCancelSuspendRetryAndVariableWrites() {
    assertThat(CockpitToolsFilter.EXCLUDED_PLUGINS.split(","))
        .contains(
            "cockpit.processInstance.runtime.action",
            "cockpit.processDefinition.runtime.action",
            "cockpit.jobDefinition.action",
            "cockpit.incident.action",
            "cockpit.navigation:batch");
    String page =
        "<base href=\"/camunda/app/cockpit/default/\" app-name=\"cockpit\" />"
            + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/camunda/app/cockpit/styles/user-styles.css?bust=7.24.0\">";
    assertThat(CockpitToolsFilter.readOnly(page, CockpitToolsFilter.Tools.READ_ONLY))
        .contains(
            "href=\"/camunda/app/cockpit/styles/user-styles.css?bust=7.24.0\"><link rel=\"stylesheet\" type=\"text/css\""
                + " href=\"/camunda/app/cockpit/styles/ksi-read-only.css\">");
  }
}
