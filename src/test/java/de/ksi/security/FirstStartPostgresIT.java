// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.PostgresIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A fresh PostgreSQL installation without demo data, started with KSI_ADMIN_USER and
 * KSI_ADMIN_PASSWORD: that administrator exists and logs in, no admin/demo login exists, and the
 * setup page creates nobody.
 */
@PostgresIntegrationTest
@TestPropertySource(
    properties = {
      "ksi.demo.enabled=false",
      "KSI_ADMIN_USER=it-leitung-it",
      "KSI_ADMIN_PASSWORD=Erster-Start-2026!"
    })
class FirstStartPostgresIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @Test
  void theConfiguredAdministratorLogsInAndNoDemoLoginExists() {
    ApiClient api = new ApiClient(port);

    assertThat(api.as("it-leitung-it", "Erster-Start-2026!").get("/api/capacity/summary").status())
        .isEqualTo(200);
    assertThat(
            api.as("it-leitung-it", "Erster-Start-2026!")
                .get("/engine-rest/engine/" + engine.getName() + "/user")
                .status())
        .isEqualTo(200);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list())
        .extracting(User::getId)
        .containsExactly("it-leitung-it");
    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    assertThat(identity.createUserQuery().list())
        .extracting(User::getId)
        .noneMatch(id -> identity.checkPassword(id, "demo"));
  }

  @Test
  void theSetupPageRefusesAnonymousVisitors() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/admin/" + engine.getName() + "/setup/")).build(),
        BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse("none");

    HttpResponse<String> create =
        browser.send(
            HttpRequest.newBuilder(
                    uri("/camunda/api/admin/setup/" + engine.getName() + "/user/create"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"eindringling\",\"firstName\":\"E\",\"lastName\":\"E\","
                            + "\"email\":\"e@example.org\"},\"credentials\":{\"password\":\"uebernahme-123\"}}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("eindringling").count()).isZero();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
