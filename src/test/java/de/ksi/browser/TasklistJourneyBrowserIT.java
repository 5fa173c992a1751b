// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseIntake.StartedCase;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.testing.Intakes;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a caseworker meets in Tasklist during a night shift, on a desktop (1440 px) and on a tablet
 * in portrait (768 px): tasks that name their case, a claim button above an unclaimed form, German
 * errors under their field that leave "Abschließen" free, a start form that asks before it loses
 * its input, the ranked places reachable on a tablet, no end-of-life banner, and a German page
 * instead of Spring's "Whitelabel" one when Cockpit is not for them. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-journey-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=true"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistJourneyBrowserIT {

  private static final String CASEWORKER = "fk-seg-1";
  private static final String PASSWORD = "demo";
  private static final String START_FORM = "Inobhutnahme aufnehmen";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  private BrowserSession session;
  private WebDriver browser;
  private Tasklist tasklist;

  @BeforeAll
  void startBrowser() throws Exception {
    session = BrowserSession.start(port, 1440, 1000);
    browser = session.driver();
    tasklist = session.tasklist(engine.getName());
  }

  @AfterEach
  void screenshotAndForgetSession(TestInfo test) {
    tasklist.screenshot("journey-last-" + test.getDisplayName().replaceAll("\\W+", "-"));
    session.forgetLogin();
    session.resizeBack();
  }

  @AfterAll
  void closeBrowser() {
    BrowserSession.close(session);
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1440, 768})
  void theTaskNamesItsCaseAndItsFormSaysInGermanWhatIsMissingWithoutCoveringTheButton(int width) {
    StartedCase started =
        Intakes.register(
            rest,
            CASEWORKER,
            Intakes.urgentInSegeberg("Jule", "Nachtschicht", 15, "Polizeirevier Bad Segeberg"));
    String reference = started.caseReference();
    Task choose =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(SearchElements.CHOOSE)
            .singleResult();
    tasklist.login(CASEWORKER);
    resize(width);

    // the list: which case, how old, how urgent
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".tasks-list"),
                "Platz auswählen und anfragen — " + reference + " · 14–15 J."));
    assertThat(browser.findElement(By.cssSelector(".tasks-list")).getText())
        .contains(reference + " · 14–15 J.")
        .contains("sofort");
    tasklist.screenshot("journey-liste-" + width);

    // the unclaimed form says so and claims with one click
    browser.get(tasklist.appUrl() + "#/?task=" + choose.getId());
    WebElement claim =
        tasklist
            .await()
            .until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".ksi-claim-hint button")));
    assertThat(browser.findElement(By.cssSelector(".ksi-claim-hint")).getText())
        .contains("Diese Aufgabe hat noch niemand übernommen");
    tasklist.screenshot("journey-uebernehmen-" + width);
    claim.click();
    tasklist
        .await()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ksi-claim-hint")));
    tasklist
        .await()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    assertThat(tasks.createTaskQuery().taskId(choose.getId()).singleResult().getAssignee())
        .isEqualTo(CASEWORKER);

    if (width == 768) {
      double formWidth =
          number(
              "return document.querySelector('.column.task-details').getBoundingClientRect().width;");
      assertThat(formWidth).as("the task takes the tablet's width").isGreaterThan(700);
      // the ranked places: the last column is visible or can be scrolled to
      double lastRight =
          number(
              "const t = document.querySelector('.fjs-form-field-text table'); t.scrollLeft = t.scrollWidth;"
                  + " const cells = t.querySelectorAll('tr:first-child > *'); return cells[cells.length - 1].getBoundingClientRect().right;");
      assertThat(lastRight).as("last column of the ranked places").isLessThanOrEqualTo(768);
      tasklist.screenshot("journey-platzauswahl-768");
    }

    // nothing chosen: the error stands under its field, in German, and "Abschließen" stays free
    tasklist.complete();
    WebElement error =
        tasklist
            .await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'Wie soll es weitergehen?')]]"
                            + "//*[contains(@class,'fjs-form-field-error')]")));
    tasklist.await().until(d -> error.getText().startsWith("Bitte"));
    assertThat(error.getText())
        .isEqualTo("Bitte bei „Wie soll es weitergehen?“ eine Auswahl treffen.");
    assertThat(pageText()).doesNotContain("Field is required");
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notifications"),
                "Bitte die rot markierten Angaben unter den Feldern prüfen."));
    tasklist.screenshot("journey-fehler-" + width);

    // corrected, "Abschließen" is free (no notification over it) and sends the request
    tasklist.tick("Ausgewählte Träger gleichzeitig anfragen");
    tasklist.tickContaining("Anzufragende Plätze", "1.");
    assertButtonFree(tasklist.submitButton(false));
    tasklist.complete();
    tasklist.await().until(d -> tasks.createTaskQuery().taskId(choose.getId()).count() == 0);
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1440, 768})
  void theStartFormSaysInGermanWhatIsWrongAndAsksBeforeItLosesTheInput(int width) {
    tasklist.login(CASEWORKER);
    resize(width);
    tasklist.openStartForm(START_FORM);
    tasklist.enter("Nachname", "Verlustfrei");
    tasklist.enter("Geburtsdatum", "1.2.2012");
    tasklist.enter("Wo ist das Kind jetzt?", "x");
    WebElement location =
        browser.findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field')][./label[starts-with("
                    + "normalize-space(.),'Wo ist das Kind jetzt?')]]//input | //div[contains(@class,'fjs-form-field')][./label["
                    + "starts-with(normalize-space(.),'Wo ist das Kind jetzt?')]]//textarea"));
    location.sendKeys(
        org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        org.openqa.selenium.Keys.BACK_SPACE);
    session.script("arguments[0].blur();", location);

    WebElement birthDateError =
        tasklist
            .await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'Geburtsdatum')]]"
                            + "//*[contains(@class,'fjs-form-field-error')]")));
    tasklist.await().until(d -> birthDateError.getText().startsWith("Bitte"));
    assertThat(birthDateError.getText())
        .isEqualTo("Bitte das Geburtsdatum als TT.MM.JJJJ eingeben, z. B. 24.12.2012.");
    WebElement locationError =
        tasklist
            .await()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(
                        "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'Wo ist das Kind jetzt?')]]"
                            + "//*[contains(@class,'fjs-form-field-error')]")));
    tasklist.await().until(d -> locationError.getText().startsWith("Bitte"));
    assertThat(locationError.getText()).isEqualTo("Bitte „Wo ist das Kind jetzt?“ ausfüllen.");
    assertThat(pageText())
        .doesNotContain("Field must match pattern")
        .doesNotContain("Field is required");
    tasklist.screenshot("journey-aufnahme-fehler-" + width);

    // Escape, a click beside the dialog and "Zurück" ask first; "Abbrechen" keeps the input (the
    // browser's own
    // question dialog is answered by a stand-in that records the question: headless Chromium's is
    // not reliable)
    answerQuestionWith(false);
    new Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
    assertThat(lastQuestion()).contains("Eingaben verloren");
    assertThat(tasklist.startFormClosed()).isFalse();
    clickBesideTheDialog();
    assertThat(lastQuestion()).contains("Eingaben verloren");
    assertThat(tasklist.startFormClosed()).isFalse();
    for (String leave : List.of("Zurück", "Schließen")) {
      browser
          .findElement(
              By.xpath(
                  "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='"
                      + leave
                      + "']"))
          .click();
      assertThat(lastQuestion()).as(leave).contains("Eingaben verloren");
      assertThat(tasklist.startFormClosed()).as(leave).isFalse();
    }
    assertThat(fieldValue("Nachname")).isEqualTo("Verlustfrei");

    // confirmed, the dialog closes
    answerQuestionWith(true);
    new Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
    tasklist.await().until(d -> tasklist.startFormClosed());
    assertThat(lastQuestion()).contains("Trotzdem schließen?");
  }

  @Test
  void noEndOfLifeBannerAndCockpitTellsACaseworkerInGermanWhomItIsFor() {
    tasklist.login(CASEWORKER);
    assertNoBanner();

    browser.get(session.webapp("cockpit", engine.getName()));
    tasklist
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Kein Zugriff auf Cockpit"));
    String page = pageText();
    assertThat(page)
        .contains("Cockpit ist für die Koordinierungsstelle")
        .contains("Zurück zur Aufgabenliste")
        .doesNotContain("Whitelabel");
    tasklist.screenshot("journey-cockpit-403");
    browser.findElement(By.linkText("Zurück zur Aufgabenliste")).click();
    // Tasklist (of the default engine; this test's engine has a generated name, so it may ask for a
    // login)
    tasklist.await().until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    tasklist
        .await()
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header]")));

    browser.get(session.webapp("welcome", engine.getName()));
    tasklist
        .await()
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header]")));
    assertNoBanner();
    session.forgetLogin();

    for (String app : List.of("cockpit", "admin")) {
      session.logInAndWait(
          app, engine.getName(), app.equals("cockpit") ? "koordination-1" : "admin");
      assertNoBanner();
      tasklist.screenshot("journey-ohne-banner-" + app);
      session.forgetLogin();
    }
  }

  private void assertNoBanner() {
    // the header is drawn; the banner element exists in Camunda's header template but is not shown
    tasklist
        .await()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[cam-widget-header] .navbar-header")));
    assertThat(
            browser.findElements(By.cssSelector(".ce-eol-banner")).stream()
                .filter(WebElement::isDisplayed)
                .toList())
        .as("end-of-life banner on " + browser.getCurrentUrl())
        .isEmpty();
    assertThat(pageText()).doesNotContain("Zeit zu Camunda 8");
  }

  /**
   * The button is in view and a click on its middle reaches it (no notification or other layer
   * above it).
   */
  private void assertButtonFree(WebElement button) {
    session.script("arguments[0].scrollIntoView({block: 'center'});", button);
    tasklist.await().until(ExpectedConditions.elementToBeClickable(button));
    Object hit =
        session.script(
            "const r = arguments[0].getBoundingClientRect();"
                + " const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return e === arguments[0] || arguments[0].contains(e);",
            button);
    assertThat(hit).as("a click on 'Abschließen' reaches it").isEqualTo(true);
  }

  /**
   * Stands in for the browser's question dialog (window.confirm): records the question, answers as
   * told.
   */
  private void answerQuestionWith(boolean answer) {
    session.script(
        "window.__ksiQuestion = null; window.confirm = function (q) {"
            + " window.__ksiQuestion = q; return "
            + answer
            + "; };");
  }

  /** The question asked since the last call, once it was asked. */
  private String lastQuestion() {
    String asked =
        tasklist
            .await()
            .until(
                d ->
                    (String)
                        ((JavascriptExecutor) d).executeScript("return window.__ksiQuestion;"));
    session.script("window.__ksiQuestion = null;");
    return asked;
  }

  /** A click on the dimmed page beside the dialog (the modal window around it). */
  private void clickBesideTheDialog() {
    WebElement modal = browser.findElement(By.cssSelector(".modal"));
    WebElement dialog = browser.findElement(By.cssSelector(".modal-dialog"));
    int x = Math.max(2, dialog.getRect().getX() / 2);
    new Actions(browser)
        .moveToElement(modal, x - modal.getRect().getWidth() / 2, 0)
        .click()
        .perform();
  }

  private String fieldValue(String label) {
    return browser
        .findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'"
                    + label
                    + "')]]//input"))
        .getDomProperty("value");
  }

  private void resize(int width) {
    session.resize(width, width == 768 ? 1024 : 1000);
  }

  private double number(String script) {
    return ((Number) session.script(script)).doubleValue();
  }

  private String pageText() {
    return session.pageText();
  }
}
