// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person uses it: log in, start a process, open, claim and complete a task,
 * and fill Camunda Forms (form-js) by the labels a user reads. Waits explicitly for every step.
 */
final class Tasklist {

  private final BrowserSession session;
  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String engineName;
  private final String appUrl;

  /**
   * Tasklist of the named engine in the session's browser, waiting with the session's wait: a test
   * context's engine has a generated name, not "default".
   */
  Tasklist(BrowserSession session, String engineName) {
    this.session = session;
    this.browser = session.driver();
    this.wait = session.await();
    this.engineName = engineName;
    this.appUrl = session.webapp("tasklist", engineName);
  }

  /** Tasklist's address, e.g. for "#/?task=…". */
  String appUrl() {
    return appUrl;
  }

  WebDriverWait await() {
    return wait;
  }

  void open() {
    browser.get(appUrl);
  }

  /** Logs the demo user in (password "demo") and waits for the user's menu. */
  void login(String user) {
    session.logInAndWait("tasklist", engineName, user);
  }

  void logout() {
    click(visible(By.cssSelector("li.account .dropdown-toggle")));
    click(visible(By.cssSelector("li.logout a")));
    visible(By.cssSelector("input[ng-model=username]"));
  }

  /**
   * Opens "Prozess starten" and the start form of the process with this name; on a narrow screen (a
   * tablet upright) it sits in the folded menu (☰), which is unfolded first.
   */
  void openStartForm(String processName) {
    browser.findElements(By.cssSelector(".navbar-toggle")).stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .ifPresent(this::click);
    click(clickable(By.cssSelector("li.start-process-action a")));
    click(
        clickable(
            By.xpath("//ul[@class='processes']//a[normalize-space(.)='" + processName + "']")));
    visible(By.cssSelector(".modal-content .fjs-form"));
  }

  void submitStartForm() {
    click(
        clickable(
            By.xpath(
                "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']")));
  }

  boolean startFormClosed() {
    return browser.findElements(By.cssSelector(".modal-content")).isEmpty();
  }

  /** The error notification of the open start form. */
  String startFormError() {
    return visible(By.cssSelector(".modal-content .notifications .alert-danger")).getText();
  }

  /** Opens a task by its id, as the link of a task in the list does, and claims it. */
  void openAndClaim(String taskId) {
    browser.get(appUrl + "#/?task=" + taskId);
    click(clickable(By.cssSelector("button.claim")));
    visible(By.cssSelector("[cam-tasklist-form] .fjs-form"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
  }

  /**
   * Opens the task in a freshly loaded Tasklist (a filter chosen before would hide it) and claims
   * it.
   */
  void openAfreshAndClaim(String taskId) {
    browser.get("about:blank");
    openAndClaim(taskId);
  }

  /**
   * Forgets the session (cookies of this site), then leaves the page: the next login loads Tasklist
   * afresh.
   */
  void forgetSession() {
    browser.manage().deleteAllCookies();
    browser.get("about:blank");
  }

  /** Waits until the task list on the left shows the text (e.g. a task's name), and returns it. */
  String taskListShowing(String text) {
    return session.textShowing(By.cssSelector(".tasks-list"), text);
  }

  void complete() {
    click(clickable(By.xpath("//button[normalize-space(.)='Abschließen']")));
  }

  /** Chooses an option of a select field (form-js draws its own dropdown). */
  void select(String label, String option) {
    WebElement field = field(label);
    click(field.findElement(By.cssSelector(".fjs-select-display")));
    By item =
        By.xpath(
            ".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
    wait.until(d -> !field.findElements(item).isEmpty());
    click(field.findElement(item));
  }

  void type(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Types and leaves the field, so that form-js takes the value at once (it debounces typing), and
   * types again if a re-render of the form (a field shown by a choice just made) dropped it.
   */
  void enter(String label, String text) {
    wait.until(
        d -> {
          WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
          if (!text.equals(input.getDomProperty("value"))) {
            input.clear();
            input.sendKeys(text);
          }
          ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", input);
          return text.equals(
              field(label).findElement(By.cssSelector("input, textarea")).getDomProperty("value"));
        });
  }

  /** Ticks a radio button, checkbox or checklist entry by the start of its label. */
  void tick(String labelStart) {
    click(
        visible(
            By.xpath("//form//label[starts-with(normalize-space(.),'" + labelStart + "')]/input")));
  }

  /** Ticks the checklist entry whose label contains the text, and returns the whole label. */
  String tickContaining(String fieldLabel, String text) {
    WebElement option =
        field(fieldLabel)
            .findElement(By.xpath(".//label[contains(normalize-space(.),'" + text + "')]"));
    click(option.findElement(By.tagName("input")));
    return option.getText();
  }

  /** The text the rendered form shows. */
  String formText() {
    return visible(By.cssSelector(".fjs-form")).getText();
  }

  boolean saveButtonShown() {
    return browser.findElements(By.cssSelector("button[ng-click='save($event)']")).stream()
        .anyMatch(WebElement::isDisplayed);
  }

  @SuppressWarnings("unchecked")
  List<String> localStorageKeys() {
    return (List<String>) script("return Object.keys(window.localStorage);");
  }

  Object script(String javascript) {
    return session.script(javascript);
  }

  /** Saves the screen as target/screenshots/{name}.png. */
  void screenshot(String name) {
    session.screenshot(name);
  }

  /** Shows the tasks of a filter in the list on the left. */
  void showFilter(String name) {
    click(
        clickable(
            By.xpath(
                "//*[contains(@class,'task-filters')]//*[normalize-space(text())='"
                    + name
                    + "']")));
    // no tooltip or focus ring left on the filter for a screenshot
    new Actions(browser).moveToLocation(1, 1).perform();
    script("document.activeElement.blur();");
  }

  /** The names of the filters shown on the left, once Tasklist has loaded them. */
  List<String> filterNames() {
    return wait.until(
        d -> {
          List<String> names =
              d
                  .findElements(
                      By.cssSelector(".task-filters .task-filter .name, .task-filters li .name"))
                  .stream()
                  .map(WebElement::getText)
                  // "Alle Aufgaben (3)": without the count
                  .map(text -> text.replaceAll("\\s*\\(?\\d+\\)?$", "").trim())
                  .filter(text -> !text.isEmpty())
                  .distinct()
                  .toList();
          return names.isEmpty() ? null : names;
        });
  }

  /** Opens a task by its id without claiming it. */
  void openTask(String taskId) {
    browser.get(appUrl + "#/?task=" + taskId);
    visible(By.cssSelector("[cam-tasklist-form] .fjs-form"));
  }

  /** The button that submits the open form: "Start" in the start form, "Abschließen" in a task. */
  WebElement submitButton(boolean startForm) {
    return visible(
        startForm
            ? By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']")
            : By.xpath("//button[normalize-space(.)='Abschließen']"));
  }

  /** The German error form-js shows under a field, once it shows one. */
  String fieldError(String label) {
    WebElement error =
        visible(
            By.xpath(
                "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'"
                    + label
                    + "')]]//*[contains(@class,'fjs-form-field-error')]"));
    wait.until(d -> !error.getText().isBlank());
    return error.getText();
  }

  /** Whether an error is shown under the field with this label now. */
  boolean fieldErrorShown(String label) {
    return browser
        .findElements(
            By.xpath(
                "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'"
                    + label
                    + "')]]//*[contains(@class,'fjs-form-field-error')]"))
        .stream()
        .anyMatch(e -> e.isDisplayed() && !e.getText().isBlank());
  }

  private WebElement field(String label) {
    return visible(
        By.xpath(
            "//div[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(.),'"
                + label
                + "')]]"));
  }

  private WebElement visible(By locator) {
    return session.visible(locator);
  }

  private WebElement clickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  /**
   * Scrolls the element to the middle first: Tasklist's fixed footer would otherwise take the
   * click.
   */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }
}
