// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.apache.catalina.Context;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Webapp sessions time out and their cookie is Secure behind TLS; the webapps and /engine-rest send
 * security headers (password guessing: LoginThrottleIT).
 */
@KsiIntegrationTest
class LoginProtectionIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  @Autowired ServletWebServerApplicationContext web;

  @Test
  void aWebappSessionEndsAfterThirtyIdleMinutes() {
    Context context =
        (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];

    assertThat(context.getSessionTimeout())
        .as("minutes until an idle Tasklist/Cockpit login ends")
        .isEqualTo(30);
  }

  @Test
  void theWebappsSendContentSecurityPolicyAndNoSniffing() throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(), BodyHandlers.ofString());

    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void behindTheTlsProxyTheSessionCookieIsSecure() throws Exception {
    HttpResponse<String> overHttps = webappLogin("https");
    HttpResponse<String> plain = webappLogin(null);

    assertThat(overHttps.statusCode()).isEqualTo(200);
    assertThat(sessionCookie(overHttps)).contains("Secure").contains("HttpOnly");
    assertThat(sessionCookie(plain))
        .as("a developer's plain-HTTP start still works")
        .doesNotContain("Secure");
  }

  @Test
  void engineRestAnswersMayNeitherBeSniffedNorStored() {
    ApiClient.Reply tasks =
        new ApiClient(port).as("fk-seg-1").get("/engine-rest/engine/" + engine.getName() + "/task");

    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(tasks.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  private HttpResponse<String> webappLogin(String forwardedProto) throws Exception {
    CookieManager jar = new CookieManager();
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(jar).build();
    client.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(), BodyHandlers.discarding());
    String token =
        jar.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpRequest.Builder login =
        HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", token)
            .POST(BodyPublishers.ofString("username=fk-sto-2&password=" + ApiClient.PASSWORD));
    if (forwardedProto != null) {
      login.header("X-Forwarded-Proto", forwardedProto);
    }
    return client.send(login.build(), BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
