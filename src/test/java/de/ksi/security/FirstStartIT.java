// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An installation without demo data and without KSI_ADMIN_USER: the start log prints the one-time
 * setup token loudly, the setup page refuses everybody but its holder, and the token works once;
 * demo logins are removed.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-first-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=false",
      "ksi.demo.synthetic-year=false",
      "ksi.security.admin.user=",
      "ksi.security.admin.password=",
      "ksi.security.data-key=dGVzdC1rZXktZm9yLWZpcnN0LXN0YXJ0LW9ubHktLS0="
    })
class FirstStartIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired FirstAdministrator first;
  @Autowired ApplicationContext context;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();

  /** First, while the token is unused: the other tests use it up. */
  @Test
  @Order(1)
  void theStartLogPrintsTheOneTimeSetupTokenLoudlyAndNoDemoWarning(CapturedOutput startLog) {
    List<String> lines = startLog.getAll().lines().toList();
    List<String> setupLines = lines.stream().filter(l -> l.contains("setup-token=")).toList();

    assertThat(setupLines).as("one line with the setup page and its token").hasSize(1);
    String line = setupLines.get(0);
    assertThat(line).contains(" WARN ", "/camunda/app/admin/" + engine.getName() + "/setup/");
    Matcher token = Pattern.compile("setup-token=([A-Za-z0-9_-]+)#").matcher(line);
    assertThat(token.find()).isTrue();
    assertThat(token.group(1))
        .as("the token that opens the setup page")
        .isEqualTo(first.setupToken());
    int at = lines.indexOf(line);
    assertThat(lines.get(at - 1)).contains(" WARN ", "No administrator exists");
    assertThat(lines.get(at - 2)).as("framed, so it stands out").contains(" WARN ", "*******");
    assertThat(startLog.getAll()).doesNotContain("DEMO DATA IS ON");
  }

  @Test
  @Order(2)
  void onlyTheHolderOfTheSetupTokenCreatesTheFirstAdministratorAndOnlyOnce() throws Exception {
    assertThat(identity.createUserQuery().userId("admin").count())
        .as("no demo administrator")
        .isZero();
    String setupToken = first.setupToken();
    assertThat(setupToken).as("printed in the start log").isNotBlank();

    assertThat(create("eindringling", openSetupPage(null)).statusCode()).isEqualTo(403);
    assertThat(create("eindringling", openSetupPage("falsch")).statusCode()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("eindringling").count()).isZero();

    HttpResponse<String> created = create("it-erste-leitung", openSetupPage(setupToken));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
    assertThat(
            identity
                .createUserQuery()
                .userId("it-erste-leitung")
                .memberOfGroup(Groups.ADMINS)
                .count())
        .isEqualTo(1);
    assertThat(
            new ApiClient(port)
                .as("it-erste-leitung", "Sicheres-Passwort-1")
                .get("/api/capacity/summary")
                .status())
        .isEqualTo(200);

    cookies.getCookieStore().removeAll();
    assertThat(create("zweiter", openSetupPage(setupToken)).statusCode())
        .as("the token is used up")
        .isEqualTo(403);
  }

  @Test
  void withDemoDataOffTheDemoLoginsThatKeepThePublishedPasswordAreDeletedOnStart()
      throws Exception {
    login("admin", "demo");
    login("fk-seg-1", "ein-eigenes-Passwort");

    Object removal = context.getBean("demoLoginsRemoval");
    Method start = removal.getClass().getMethod("removeDemoLogins");
    start.setAccessible(true);
    start.invoke(removal);

    assertThat(identity.createUserQuery().userId("admin").count()).isZero();
    assertThat(identity.createUserQuery().userId("fk-seg-1").count())
        .as("its password was changed")
        .isEqualTo(1);
  }

  private void login(String id, String password) {
    User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
  }

  /**
   * Opens the setup page (with the token, if given) and returns the CSRF token the page would send.
   */
  private String openSetupPage(String setupToken) throws Exception {
    String query = setupToken == null ? "" : "?setup-token=" + setupToken;
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/admin/" + engine.getName() + "/setup/" + query))
            .build(),
        BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((a, b) -> b)
        .orElse("none");
  }

  private HttpResponse<String> create(String user, String csrf) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri("/camunda/api/admin/setup/" + engine.getName() + "/user/create"))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrf)
            .POST(
                BodyPublishers.ofString(
                    "{\"profile\":{\"id\":\""
                        + user
                        + "\",\"firstName\":\"Erste\",\"lastName\":\"Leitung\","
                        + "\"email\":\"leitung@example.org\"},\"credentials\":{\"password\":\"Sicheres-Passwort-1\"}}"))
            .build(),
        BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
