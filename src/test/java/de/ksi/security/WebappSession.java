// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.ApiClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * A browser session of the webapps, as their login page opens it: cookies, login and the CSRF
 * token.
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final int port;
  private final String engineName;

  public WebappSession(int port, String engineName) {
    this.port = port;
    this.engineName = engineName;
  }

  /**
   * Logs the user in to the app (tasklist, cockpit, admin) and returns the session's CSRF token.
   */
  public String logIn(String app, String user) throws IOException, InterruptedException {
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).build(),
        BodyHandlers.discarding());
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(
                    uri("/camunda/api/admin/auth/user/" + engineName + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf())
                .POST(
                    BodyPublishers.ofString("username=" + user + "&password=" + ApiClient.PASSWORD))
                .build(),
            BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).build(),
        BodyHandlers.discarding());
    return xsrf();
  }

  /** The status of a login to the app (200, or 403 for a user without access to it). */
  int logInStatus(String app, String user) throws IOException, InterruptedException {
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/" + app + "/")).build(),
        BodyHandlers.discarding());
    return browser
        .send(
            HttpRequest.newBuilder(
                    uri("/camunda/api/admin/auth/user/" + engineName + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf())
                .POST(
                    BodyPublishers.ofString("username=" + user + "&password=" + ApiClient.PASSWORD))
                .build(),
            BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * A call of the page's scripts: the session's cookies and the CSRF token, JSON if there is a
   * body.
   */
  public HttpResponse<String> send(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    return send(method, path, token, json, null);
  }

  /** As {@link #send(String, String, String, String)}, asking for texts in {@code language}. */
  public HttpResponse<String> send(
      String method, String path, String token, String json, String language)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return browser.send(request.build(), BodyHandlers.ofString());
  }

  /** A page as the browser asks for it (HTML). */
  HttpResponse<String> page(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
        BodyHandlers.ofString());
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
