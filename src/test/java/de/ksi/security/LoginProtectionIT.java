package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.camunda.bpm.engine.ProcessEngine;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Webapp sessions time out; the webapps send security headers (password guessing: LoginThrottleIT). */
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
  void theWebappsSendContentSecurityPolicyAndNoSniffing() throws Exception {
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).build(),
        BodyHandlers.ofString());

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
