// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.DocPictures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks each role's main path of the user guide ({@code docs/handbuch/}) in the real webapps and
 * writes the guide's pictures ({@code docs/handbuch/bilder/}, refreshed there with {@code
 * -Dksi.pictures=update}, see {@link DocPictures}). The steps are named and ordered like the
 * guide's sections. Also checks the Tasklist forms on a tablet in portrait (768 px wide).
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandbuchBrowserIT {

  private static final String START_FORM = "Inobhutnahme aufnehmen";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private BrowserSession session;
  private WebDriver browser;
  private Tasklist tasklist;
  private ApiClient api;
  private Backstage backstage;

  /** The night's cases: the one a provider accepts, the one placed by phone, the one escalated. */
  private String acceptedCase;

  private String phoneCase;
  private String escalatedCase;

  @BeforeAll
  void startBrowser() throws Exception {
    session = BrowserSession.start(port, 1280, 800);
    browser = session.driver();
    tasklist = session.tasklist(engine.getName());
    api = new ApiClient(port);
    backstage = new Backstage(engine, api);
  }

  /**
   * A failed step leaves its screen in target/screenshots; the steps after it need its result and
   * are skipped.
   */
  @RegisterExtension
  final TestWatcher stopAfterFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          failedStep = context.getDisplayName();
          tasklist.screenshot("handbuch-failed-" + context.getRequiredTestMethod().getName());
        }
      };

  private String failedStep;

  @BeforeEach
  void skipAfterAFailedStep() {
    Assumptions.assumeTrue(failedStep == null, () -> "an earlier step failed: " + failedStep);
  }

  @AfterAll
  void closeBrowser() {
    BrowserSession.close(session);
  }

  @Test
  @Order(1)
  void startseite() {
    session.open("/");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Koordinierungsstelle Inobhutnahme");
    session.userGuidePicture("startseite");
  }

  // --- Fachkräfte des Jugendamts (fachkraefte.md) ---

  @Test
  @Order(10)
  void fachkraft1_einenFallNachtsAufnehmen() {
    tasklist.login("fk-seg-1");
    assertThat(tasklist.filterNames())
        .contains("Meine Aufgaben", "Überfällige Fristen", "Alle Aufgaben");
    session.userGuidePicture("fachkraft-tasklist");
    tasklist.openStartForm(START_FORM);
    fillIntake("Mia", "Polizeirevier Bad Segeberg, Wache 3");
    session.userGuidePicture("fachkraft-aufnahme");
    List<String> before = backstage.caseReferences();
    tasklist.submitStartForm();
    tasklist.await().until(d -> tasklist.startFormClosed());
    acceptedCase = tasklist.await().until(d -> backstage.newCaseReference(before));
  }

  @Test
  @Order(11)
  void fachkraft2_dieKandidatenLesenUndAnfragen() {
    claim(backstage.task(acceptedCase, CaseProcess.SearchElements.CHOOSE).getId());
    assertThat(tasklist.formText()).contains("Platz auswählen – Fall " + acceptedCase);
    tasklist.tick("Ausgewählte Träger gleichzeitig anfragen");
    tasklist.tickContaining("Anzufragende Plätze", backstage.providerName("einrichtung-seg"));
    session.userGuidePicture("fachkraft-platzauswahl");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(acceptedCase, CaseProcess.SearchElements.ANSWER) != null);
    signOut();
  }

  // --- Einrichtungen (einrichtungen.md) ---

  @Test
  @Order(20)
  void einrichtung1_freiePlaetzeMelden() {
    long offerId = backstage.ownOffer("einrichtung-seg");
    var reported =
        api.as("einrichtung-seg").put("/api/offers/" + offerId + "/availability", "{\"free\": 2}");
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    assertThat(reported.json().get("stale").asBoolean()).isFalse();
  }

  @Test
  @Order(21)
  void einrichtung2_eineAnfrageBeantworten() {
    tasklist.login("einrichtung-seg");
    tasklist.showFilter("Anfragen an meinen Träger");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Platzanfrage beantworten"));
    session.userGuidePicture("einrichtung-anfragen");
    claim(backstage.task(acceptedCase, CaseProcess.SearchElements.ANSWER).getId());
    assertThat(tasklist.formText())
        .contains("Platzanfrage " + acceptedCase)
        .doesNotContain("Musterkind");
    tasklist.tick("Zusage");
    session.userGuidePicture("einrichtung-platzanfrage");
    tasklist.complete();
    tasklist.await().until(d -> "PLACED".equals(backstage.status(acceptedCase)));
    signOut();
  }

  // --- Fachkräfte: telefonisch, Pflichten, Beendigung und Übergabe ---

  @Test
  @Order(30)
  void fachkraft3_einenTelefonischGefundenenPlatzErfassen() {
    phoneCase = backstage.registerCase("fk-seg-1", "SEGEBERG", "Ben", "NR1_SELBSTMELDUNG", "TODAY");
    long offerId =
        api.as("fk-seg-1")
            .get("/api/providers?district=SEGEBERG")
            .json()
            .get(1)
            .get("offers")
            .get(0)
            .get("id")
            .asLong();
    tasklist.login("fk-seg-1");
    claim(backstage.task(phoneCase, CaseProcess.SearchElements.CHOOSE).getId());
    tasklist.tick("Platz wurde telefonisch gefunden");
    tasklist.enter("Angebots-Nr. im Register", String.valueOf(offerId));
    tasklist.enter(
        "Träger / Einrichtung und Gesprächspartner",
        "Telefonat 02:10 Uhr mit Frau Beispiel, Nachtdienst");
    session.userGuidePicture("fachkraft-telefonisch");
    tasklist.complete();
    tasklist.await().until(d -> "PLACED".equals(backstage.status(phoneCase)));
  }

  @Test
  @Order(31)
  void fachkraft4_gesetzlichePflichtenErledigen() {
    tasklist.showFilter("Alle Aufgaben");
    claim(backstage.task(acceptedCase, DutiesProcess.Elements.INFORM_CHILD).getId());
    tasklist.tick("Das Kind ist über die Inobhutnahme");
    tasklist.tick("Das Kind hatte Gelegenheit");
    session.userGuidePicture("fachkraft-pflicht");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(acceptedCase, DutiesProcess.Elements.INFORM_CHILD) == null);
  }

  @Test
  @Order(32)
  void fachkraft5_beendigungUndUebergabe() {
    claim(backstage.task(phoneCase, CaseProcess.Elements.DECIDE_OUTCOME).getId());
    tasklist.select(
        "Wie endet die Inobhutnahme?", "Übergabe an ein anderes Jugendamt (nach Verteilung)");
    tasklist.select("Übernehmendes Jugendamt", "Kreis Stormarn");
    session.userGuidePicture("fachkraft-beendigung");
    tasklist.complete();
    Task handover =
        tasklist.await().until(d -> backstage.openTask(phoneCase, CaseProcess.Elements.HANDOVER));
    claim(handover.getId());
    tasklist.enter("Übergabe am", "05.12.2026");
    tasklist.enter("Bemerkung", "Übergabe an das Jugendamt Stormarn, Akte übergeben");
    session.userGuidePicture("fachkraft-uebergabe");
    tasklist.complete();
    try {
      tasklist
          .await()
          .until(
              d ->
                  backstage.openTask(phoneCase, CaseProcess.Elements.HANDOVER) == null
                      || !errors().isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "handover not completed; buttons: "
              + tasklist.script(
                  "return Array.from(document.querySelectorAll('button')).map(b => b.innerText + (b.disabled ? '[disabled]' : '')).join('|');")
              + "; body: "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
    assertThat(errors()).isEmpty();
    assertThat(backstage.status(phoneCase)).isEqualTo("CLOSED");
    signOut();
  }

  // --- Koordinierungsstelle (koordinierungsstelle.md) ---

  @Test
  @Order(40)
  void koordination1_dasLagebild() {
    escalatedCase =
        backstage.registerCase(
            "fk-pin-1", "PINNEBERG", "Noah", "NR2_DRINGENDE_GEFAHR", "IMMEDIATE");
    login("cockpit", "koordination-1");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ksi-lagebild"), escalatedCase));
    tasklist.script("document.querySelector('.ksi-lagebild').scrollIntoView({block: 'start'});");
    session.userGuidePicture("koordination-lagebild");
    signOut();
  }

  @Test
  @Order(41)
  void koordination2_dieVerbundweiteSuche() {
    // nobody chose a place in Pinneberg within 30 minutes: the engine clock moves on and the
    // deadline passes
    backstage.passTime(escalatedCase, Duration.ofMinutes(31));
    assertThat(backstage.escalationLevel(escalatedCase)).isEqualTo("VERBUND");
    tasklist.login("koordination-1");
    tasklist.showFilter("Verbund-Eskalationen");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Platz auswählen"));
    session.userGuidePicture("koordination-eskalationen");
    claim(backstage.task(escalatedCase, CaseProcess.SearchElements.CHOOSE).getId());
    assertThat(tasklist.formText()).contains("Kreis Segeberg");
    session.userGuidePicture("koordination-verbundsuche");
    tasklist.tick("Keine Anfrage möglich");
    tasklist.complete();
    tasklist
        .await()
        .until(
            d -> backstage.openTask(escalatedCase, CaseProcess.Elements.LEVEL2_DECISION) != null);
  }

  @Test
  @Order(42)
  void koordination3_stufe2() {
    claim(backstage.task(escalatedCase, CaseProcess.Elements.LEVEL2_DECISION).getId());
    tasklist.select("Notmaßnahme", "Notaufnahme in Bereitschaftspflege");
    tasklist.enter(
        "Begründung",
        "Kein Platz im Verbund frei; Bereitschaftspflegefamilie in Elmshorn nimmt auf.");
    tasklist.enter("Ort / Träger der Unterbringung", "Bereitschaftspflege Familie B., Elmshorn");
    session.userGuidePicture("koordination-stufe2");
    tasklist.complete();
    tasklist.await().until(d -> "PLACED".equals(backstage.status(escalatedCase)));
    assertThat(backstage.escalationLevel(escalatedCase)).isEqualTo("STUFE_2");
    signOut();
  }

  // --- Prozessverantwortliche (prozessverantwortliche.md) ---

  @Test
  @Order(50)
  void prozess1_eineFristInDerEntscheidungstabelle() {
    String id =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("escalation-deadlines")
            .latestVersion()
            .singleResult()
            .getId();
    login("cockpit", "prozess-1");
    browser.get(session.webapp("cockpit", engine.getName()) + "#/decision-definition/" + id);
    tasklist
        .await()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "PT30M"));
    session.userGuidePicture("prozess-entscheidungstabelle");
    signOut();
  }

  // --- Administration (administration.md) ---

  @Test
  @Order(60)
  void admin1_benutzerUndGruppen() {
    login("admin", "admin");
    browser.get(session.webapp("admin", engine.getName()) + "#/groups");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "koordinierungsstelle"));
    session.userGuidePicture("admin-gruppen");
    browser.get(session.webapp("admin", engine.getName()) + "#/users/fk-seg-1?tab=groups");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "jugendamt-segeberg"));
    session.userGuidePicture("admin-benutzer");
    signOut();
  }

  // --- Tablet (fachkraefte.md and einrichtungen.md) ---

  @Test
  @Order(70)
  void tablet_aufnahmeUndAntwortImHochformat() {
    String tabletCase =
        backstage.registerCase("fk-seg-1", "SEGEBERG", "Ella", "NR2_DRINGENDE_GEFAHR", "IMMEDIATE");
    try {
      // Tasklist folds its menu on narrow screens: log in wide, then turn the tablet upright
      tasklist.login("fk-seg-1");
      portrait();
      tasklist.openStartForm(START_FORM);
      fillIntake("Ella", "Bahnhof Bad Oldesloe");
      assertUsableAt768(true);
      session.userGuidePicture("tablet-aufnahme");
      claim(backstage.task(tabletCase, CaseProcess.SearchElements.CHOOSE).getId());
      tasklist.tick("Ausgewählte Träger gleichzeitig anfragen");
      tasklist.tickContaining("Anzufragende Plätze", backstage.providerName("einrichtung-seg"));
      tasklist.complete();
      Task request =
          tasklist
              .await()
              .until(d -> backstage.openTask(tabletCase, CaseProcess.SearchElements.ANSWER));
      signOut();

      session.resizeBack();
      tasklist.login("einrichtung-seg");
      portrait();
      claim(request.getId());
      tasklist.tick("Absage");
      tasklist.select("Grund der Absage", "Kein Platz mehr frei");
      assertUsableAt768(false);
      session.userGuidePicture("tablet-antwort");
      tasklist.complete();
      tasklist
          .await()
          .until(d -> backstage.openTask(tabletCase, CaseProcess.SearchElements.ANSWER) == null);
    } finally {
      session.resizeBack();
      signOut();
    }
  }

  /** A tablet in portrait: 768 CSS pixels wide. */
  private void portrait() {
    session.resize(768, 1024);
  }

  /** No sideways scrolling, and the submit button can be seen and pressed. */
  private void assertUsableAt768(boolean startForm) {
    assertThat(((Number) tasklist.script("return window.innerWidth;")).intValue()).isEqualTo(768);
    assertThat(
            ((Number) tasklist.script("return document.scrollingElement.scrollWidth;")).intValue())
        .as("page wider than the tablet")
        .isLessThanOrEqualTo(768);
    Number formRight =
        (Number)
            tasklist.script(
                "return Math.max(...Array.from(document.querySelectorAll('.fjs-form input, .fjs-form textarea, .fjs-form .fjs-select-display'))"
                    + ".map(e => e.getBoundingClientRect().right));");
    assertThat(formRight.doubleValue())
        .as("a form field runs out of the screen")
        .isLessThanOrEqualTo(768);
    assertThat(
            tasklist.script(
                "return Array.from(document.querySelectorAll('.fjs-form .fjs-input-group'))"
                    + ".filter(g => g.scrollHeight > g.clientHeight + 2).length;"))
        .as("a field's text runs out of its box")
        .isEqualTo(0L);
    var submit = tasklist.submitButton(startForm);
    session.script("arguments[0].scrollIntoView({block: 'center'});", submit);
    tasklist.await().until(ExpectedConditions.elementToBeClickable(submit));
    assertThat(submit.getRect().getX() + submit.getRect().getWidth()).isLessThanOrEqualTo(768);
  }

  private void fillIntake(String firstName, String location) {
    IntakeForm.fill(tasklist, firstName, location);
    tasklist.enter("Geschätztes Alter", "14");
  }

  private void login(String app, String user) {
    session.logInAndWait(app, engine.getName(), user);
  }

  private void claim(String taskId) {
    tasklist.openAfreshAndClaim(taskId);
  }

  /** Error notifications Tasklist shows, e.g. a form the server rejected. */
  private List<String> errors() {
    return browser
        .findElements(By.cssSelector(".notifications .alert-danger, .fjs-form-field-error"))
        .stream()
        .map(e -> e.getText())
        .filter(text -> !text.isBlank())
        .toList();
  }

  private void signOut() {
    session.forgetLogin();
  }
}
