// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The start page, the user guide and the API reference: German, reachable without login, nothing
 * personal.
 */
@KsiIntegrationTest
class GuidePagesIT {

  @LocalServerPort int port;

  @Test
  void theStartPageIsGermanAndLinksEveryPart() {
    var page = new ApiClient(port).anonymous().get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'");
    assertThat(page.body())
        .contains("<html lang=\"de\">", "<h1>Koordinierungsstelle Inobhutnahme</h1>")
        .contains(
            "href=\"/camunda/app/tasklist/\"",
            "href=\"/camunda/app/cockpit/\"",
            "href=\"/camunda/app/admin/\"")
        .contains(
            "href=\"/handbuch/\"",
            "href=\"/api-doku\"",
            "href=\"/v3/api-docs\"",
            "href=\"/actuator/health\"");
  }

  @Test
  void theGuideIsServedWithItsChaptersAndPictures() {
    var caller = new ApiClient(port).anonymous();
    var index = caller.get("/handbuch/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body())
        .contains(
            "<html lang=\"de\">",
            "Handbuch",
            "href=\"fachkraefte\"",
            "href=\"einrichtungen\"",
            "href=\"koordinierungsstelle\"",
            "href=\"prozessverantwortliche\"",
            "href=\"administration\"");
    for (String chapter :
        new String[] {
          "fachkraefte",
          "einrichtungen",
          "koordinierungsstelle",
          "prozessverantwortliche",
          "administration"
        }) {
      var page = caller.get("/handbuch/" + chapter);
      assertThat(page.status()).as(chapter).isEqualTo(200);
      assertThat(page.body()).contains("<h1 id=");
    }
    var picture = caller.get("/handbuch/bilder/startseite.png");
    assertThat(picture.status()).isEqualTo(200);
    assertThat(picture.contentType()).isEqualTo("image/png");
    assertThat(caller.get("/handbuch/gibt-es-nicht").status()).isEqualTo(404);
    assertThat(caller.get("/handbuch/..%2Fapplication").status()).isIn(400, 404);
  }

  /**
   * The chapters for caseworkers, providers and coordinators speak to users: no developer material.
   */
  @Test
  void theGuideSpeaksToUsersNotDevelopers() {
    var caller = new ApiClient(port).anonymous();
    for (String chapter :
        new String[] {"", "fachkraefte", "einrichtungen", "koordinierungsstelle"}) {
      String page = caller.get("/handbuch/" + chapter).body();
      assertThat(page)
          .as("/handbuch/" + chapter)
          .doesNotContain(
              "localhost", "curl ", "BrowserIT", "GET /api", "POST /api", "PUT /api", "/actuator");
    }
    assertThat(caller.get("/handbuch/").body())
        .contains(
            "Aufgaben meines Amtes",
            "Aufgabe übernehmen",
            "Kein Zugriff auf Cockpit",
            "Trotzdem schließen?");
  }

  @Test
  void theApiReferenceIsReadableHtml() {
    var page = new ApiClient(port).anonymous().get("/api-doku");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("REST API <code>/api</code></h1>", "<table>", "POST /api/cases");
  }
}
