// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.KsiIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser that meets an error gets our German page, never Spring's "Whitelabel Error Page" or
 * Tomcat's report.
 */
@KsiIntegrationTest
class ErrorPagesIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void aCaseworkerWhoOpensCockpitLearnsInGermanWhomItIsForAndTheWayBack() throws Exception {
    WebappSession tasklist = new WebappSession(port, engine.getName());
    tasklist.logIn("tasklist", "fk-seg-1");

    HttpResponse<String> cockpit = tasklist.page("/camunda/app/cockpit/" + engine.getName() + "/");

    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(cockpit.body())
        .contains(
            "Kein Zugriff auf Cockpit",
            "Cockpit ist für die Koordinierungsstelle",
            "Zurück zur Aufgabenliste",
            "lang=\"de\"")
        .doesNotContain("Whitelabel", "HTTP Status");
  }

  @Test
  void anUnknownPageIsAGermanPageAndTheApiStaysJson() throws Exception {
    HttpClient browser = HttpClient.newHttpClient();
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/gibt-es-nicht"))
                .header("Accept", "text/html")
                .build(),
            BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("Seite nicht gefunden", "Zurück zur Aufgabenliste")
        .doesNotContain("Whitelabel");

    HttpResponse<String> api =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Accept", "application/json")
                .build(),
            BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).doesNotContain("<html");
  }
}
