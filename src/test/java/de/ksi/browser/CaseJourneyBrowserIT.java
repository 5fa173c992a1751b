// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Intakes;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey after the request, in the real Tasklist and our pages, in headless Chromium: the
 * caseworker asks a provider, the provider declines with a reason, the caseworker sees the decline
 * and its reason in the case view and at the top of the next choice, asks a second provider, who
 * accepts, opens "Aufnahme vorbereiten", sees the child's identity and when and with whom the child
 * comes (the caseworker announced it in the case view) and confirms the arrival; the caseworker
 * sees the placement with address, 24-hour phone and the arrival. At 1440 px, the case view and the
 * arrival page also at 768 px. Pictures for the user guide go to docs/handbuch/bilder/ (as
 * HandbuchBrowserIT does), the rest to target/screenshots.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-browser-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=true"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseJourneyBrowserIT {

  private static final String CASEWORKER = "fk-seg-1";
  private static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ProviderDirectory directory;
  @Autowired TestRestTemplate rest;

  private BrowserSession session;
  private WebDriver browser;
  private Tasklist tasklist;
  private Backstage backstage;

  @BeforeAll
  void startBrowser() throws Exception {
    session = BrowserSession.start(port, 1440, 1800);
    browser = session.driver();
    tasklist = session.tasklist(engine.getName());
    backstage = new Backstage(engine, new ApiClient(port));
  }

  @org.junit.jupiter.api.AfterEach
  void lastScreen() {
    tasklist.screenshot("last-case-journey");
  }

  @AfterAll
  void closeBrowser() {
    BrowserSession.close(session);
  }

  @Test
  void declineWithReasonSecondRequestArrivalConfirmedAndSeenByTheCaseworker() {
    String ref = newCase();
    List<Long> offers = offersOfTwoProviders(ref);
    ProviderView declining = provider(offers.get(0));
    ProviderView accepting = provider(offers.get(1));
    String decliner = loginFor("journey-decl-", ref, offers.get(0));
    String acceptor = loginFor("journey-acc-", ref, offers.get(1));

    // the caseworker asks the first provider; the form links to the case view
    tasklist.login(CASEWORKER);
    tasklist.openAndClaim(backstage.task(ref, SearchElements.CHOOSE).getId());
    assertThat(browser.findElements(By.cssSelector(".fjs-form a[href='/faelle/" + ref + "']")))
        .hasSize(1);
    ask(declining);
    Task firstRequest = tasklist.await().until(d -> backstage.openTask(ref, SearchElements.ANSWER));
    tasklist.forgetSession();

    // the provider declines with a reason
    tasklist.login(decliner);
    tasklist.openAndClaim(firstRequest.getId());
    tasklist.tick("Absage");
    tasklist.select("Grund der Absage", "Personalmangel / keine Aufnahme möglich");
    tasklist.complete();
    tasklist.await().until(d -> backstage.openTask(ref, SearchElements.CHOOSE) != null);
    tasklist.forgetSession();

    // the caseworker sees the decline with its reason in the case view and at the top of the next
    // choice
    tasklist.login(CASEWORKER);
    session.open("/faelle/" + ref);
    assertThat(session.text("letzte-absage"))
        .contains("Absage", declining.name(), "Personalmangel");
    assertThat(session.text("naechster-schritt")).contains("Platz auswählen und anfragen");
    session.userGuidePicture("fallansicht-absage");
    session.atTablet(() -> session.userGuidePicture("fallansicht-absage-tablet"));
    tasklist.openAndClaim(backstage.task(ref, SearchElements.CHOOSE).getId());
    assertThat(tasklist.formText()).contains("Bisher abgesagt", declining.name(), "Personalmangel");
    tasklist.screenshot("journey-platzauswahl-nach-absage");
    ask(accepting);
    Task secondRequest =
        tasklist.await().until(d -> backstage.openTask(ref, SearchElements.ANSWER));
    tasklist.forgetSession();

    // the second provider accepts, opens "Aufnahme vorbereiten", sees the identity and confirms the
    // arrival
    tasklist.login(acceptor);
    tasklist.openAndClaim(secondRequest.getId());
    tasklist.tick("Zusage");
    tasklist.complete();
    Task prepare =
        tasklist.await().until(d -> backstage.openTask(ref, CaseProcess.Elements.PREPARE_ARRIVAL));
    tasklist.forgetSession();

    // the caseworker tells the provider when the child comes and who brings it
    tasklist.login(CASEWORKER);
    // a browser in the offices' time zone, whatever the machine running the test uses
    session.timeZone("Europe/Berlin");
    session.open("/faelle/" + ref);
    tasklist.script("document.getElementById('ankunft-zeit').value = '2026-12-24T02:30';");
    browser.findElement(By.id("ankunft-begleitung")).sendKeys("Frau K., Bereitschaftsdienst");
    browser.findElement(By.cssSelector("#ankunft-planen button")).click();
    tasklist
        .await()
        .until(d -> d.findElement(By.id("ankunft-geplant")).getText().contains("Frau K."));
    assertThat(session.text("ankunft-geplant")).contains("24.12.2026 02:30");
    session.userGuidePicture("fallansicht-ankunft-mitgeteilt");
    tasklist.forgetSession();

    tasklist.login(acceptor);
    tasklist.openAndClaim(prepare.getId());
    assertThat(tasklist.formText())
        .contains("Aufnahme vorbereiten – Fall " + ref)
        .doesNotContain("Vertraulich");
    session.userGuidePicture("aufnahme-vorbereiten-aufgabe");
    browser.get(
        browser
            .findElement(By.cssSelector(".fjs-form a[href='/aufnahme/" + ref + "']"))
            .getAttribute("href"));
    assertThat(session.text("identitaet")).contains("Lea", "Vertraulich");
    assertThat(session.text("ansprechperson")).contains("Kreis Segeberg");
    assertThat(session.text("anreise"))
        .contains("24.12.2026 02:30", "Frau K., Bereitschaftsdienst");
    session.userGuidePicture("aufnahme-seite");
    session.atTablet(() -> session.userGuidePicture("aufnahme-seite-tablet"));
    tasklist.openTask(prepare.getId());
    tasklist.tick("Ja, das Kind ist bei uns angekommen");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(ref, CaseProcess.Elements.PREPARE_ARRIVAL) == null);
    tasklist.forgetSession();

    // the caseworker sees the placement with address, phone and the arrival
    tasklist.login(CASEWORKER);
    session.open("/faelle/" + ref);
    assertThat(session.text("unterbringung"))
        .contains(accepting.name(), accepting.address(), accepting.phone24h());
    assertThat(session.text("ankunft")).contains("Kind ist angekommen", acceptor);
    assertThat(session.text("naechster-schritt")).contains("angekommen");
    session.userGuidePicture("fallansicht-angekommen");
    session.atTablet(
        () -> {
          assertThat(session.text("unterbringung")).contains(accepting.phone24h());
          session.userGuidePicture("fallansicht-angekommen-tablet");
        });
  }

  @Test
  void thePlaceFoundByPhoneIsRecordedInTheCaseViewWhileARequestIsOpen() {
    String ref = newCase();
    List<Long> offers = offersOfTwoProviders(ref);
    ProviderView asked = provider(offers.get(0));
    ProviderView byPhone = provider(offers.get(1));
    String askedLogin = loginFor("phone-asked-", ref, offers.get(0));

    // the caseworker asks one provider; while the request is open, another says yes on the phone
    tasklist.forgetSession();
    tasklist.login(CASEWORKER);
    tasklist.openAndClaim(backstage.task(ref, SearchElements.CHOOSE).getId());
    ask(asked);
    tasklist.await().until(d -> backstage.openTask(ref, SearchElements.ANSWER));
    assertThat(openRequestsOf(askedLogin)).contains(ref);
    session.open("/faelle/" + ref);
    assertThat(session.text("telefonisch-hinweis"))
        .contains("Die offene Anfrage wird dann sofort zurückgezogen");
    session.atTablet(
        () -> assertThat(browser.findElement(By.id("platz-telefonisch")).isDisplayed()).isTrue());

    // a refused note: the API's German problem stands next to the form, nothing changes
    new Select(browser.findElement(By.id("telefonisch-angebot")))
        .selectByValue(String.valueOf(offers.get(1)));
    tasklist.script(
        "var n = document.getElementById('telefonisch-notiz'); n.removeAttribute('maxlength');"
            + " n.value = 'x'.repeat(501);");
    browser.findElement(By.cssSelector("#platz-telefonisch button")).click();
    tasklist
        .await()
        .until(
            d -> d.findElement(By.id("telefonisch-meldung")).getText().contains("Nicht erfasst"));
    assertThat(session.text("telefonisch-meldung"))
        .contains("Träger / Einrichtung und wer zugesagt hat");
    assertThat(backstage.openTask(ref, SearchElements.ANSWER))
        .as("the request is still open")
        .isNotNull();

    // recorded: the confirmation says what happened and where to read what comes next
    WebElement note = browser.findElement(By.id("telefonisch-notiz"));
    note.clear();
    note.sendKeys("Frau Kurz, Nachtdienst");
    session.userGuidePicture("fallansicht-telefonisch");
    browser.findElement(By.cssSelector("#platz-telefonisch button")).click();
    String confirmation =
        tasklist.await().until(d -> d.findElement(By.id("telefonisch-erfasst")).getText());
    assertThat(confirmation)
        .contains(
            "Platz erfasst",
            "Frau Kurz, Nachtdienst",
            "Der Fall ist untergebracht",
            "Die offene Anfrage wurde zurückgezogen",
            "Wie es weitergeht");
    assertThat(session.text("unterbringung")).contains(byPhone.name(), byPhone.phone24h());
    assertThat(browser.findElements(By.id("platz-telefonisch"))).isEmpty();
    assertThat(session.text("anfragen")).contains(asked.name(), "zurückgezogen");
    session.userGuidePicture("fallansicht-telefonisch-erfasst");
    session.atTablet(() -> assertThat(session.text("unterbringung")).contains(byPhone.name()));
    assertThat(
            rest.withBasicAuth(CASEWORKER, PASSWORD)
                .getForObject("/api/cases/" + ref, String.class))
        .contains("\"status\":\"PLACED\"");
    assertThat(backstage.openTask(ref, SearchElements.ANSWER)).isNull();
    assertThat(openRequestsOf(askedLogin))
        .as("the provider's open request is gone")
        .doesNotContain(ref);
    tasklist.forgetSession();
  }

  private String openRequestsOf(String providerLogin) {
    return rest.withBasicAuth(providerLogin, PASSWORD).getForObject("/api/requests", String.class);
  }

  private void ask(ProviderView provider) {
    tasklist.tick("Ausgewählte Träger gleichzeitig anfragen");
    tasklist.tickContaining("Anzufragende Plätze", provider.name());
    tasklist.complete();
  }

  /** Two candidate offers of different providers, as the caseworker's form offers them. */
  private List<Long> offersOfTwoProviders(String ref) {
    SpinJsonNode options =
        (SpinJsonNode)
            engine
                .getFormService()
                .getTaskFormVariables(
                    backstage.task(ref, SearchElements.CHOOSE).getId(),
                    List.of(CaseProcess.Vars.CANDIDATES),
                    true)
                .get(CaseProcess.Vars.CANDIDATES);
    List<Long> offers =
        options.elements().stream().map(o -> Long.valueOf(o.prop("value").stringValue())).toList();
    long first = offers.get(0);
    long second =
        offers.stream()
            .filter(o -> provider(o).id() != provider(first).id())
            .findFirst()
            .orElseThrow();
    return List.of(first, second);
  }

  private ProviderView provider(long offerId) {
    return directory.get(directory.offerView(offerId).providerId());
  }

  /** A new case of the caseworker, waiting in the place choice. */
  private String newCase() {
    return Intakes.register(
            rest,
            CASEWORKER,
            Intakes.urgentInSegeberg("Lea", "Vertraulich", 13, "Polizeirevier Mitte"))
        .caseReference();
  }

  /** A new night-shift login of the offer's provider, named after the case. */
  private String loginFor(String prefix, String ref, long offer) {
    return login(prefix + ref.substring(9), directory.groupOfOffer(offer));
  }

  private String login(String userId, String group) {
    User user = identity.newUser(userId);
    user.setFirstName("Nachtdienst");
    user.setLastName(userId);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(userId, group);
    return userId;
  }
}
