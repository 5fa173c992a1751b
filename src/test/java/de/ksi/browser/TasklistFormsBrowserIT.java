// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseIntake.StartedCase;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Intakes;
import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Camunda Forms of a case in the real Tasklist, in headless Chromium: the caseworker's intake
 * start form, the choice of providers, and the provider's answer. Needs Debian's {@code chromium}
 * and {@code chromium-driver}; runs with {@code mvn verify -Pbrowser-tests}. Screenshots go to
 * target/screenshots.
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
class TasklistFormsBrowserIT {

  private static final String CASEWORKER = "fk-seg-1";

  /** Demo login of the first Segeberg provider, a member of that provider's group. */
  private static final String PROVIDER_LOGIN = "einrichtung-seg";

  private static final String PASSWORD = "demo";
  private static final String START_FORM = "Inobhutnahme aufnehmen";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired Clock clock;

  private BrowserSession session;
  private Tasklist tasklist;
  private Backstage backstage;

  @BeforeAll
  void startBrowser() throws Exception {
    // tall enough that a whole form fits on one screenshot
    session = BrowserSession.start(port, 1400, 2200);
    tasklist = session.tasklist(engine.getName());
    backstage = new Backstage(engine, new ApiClient(port));
  }

  /** Keeps the last screen of every test, then forgets the session: each test logs in itself. */
  @AfterEach
  void screenshotAndForgetSession(TestInfo test) {
    tasklist.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    session.forgetLogin();
  }

  @AfterAll
  void closeBrowser() {
    BrowserSession.close(session);
  }

  /**
   * What only the server finds (neither a birth date nor an estimated age) is said in German at the
   * field the user fills, as well as at the top; nothing is stored, and once the age is typed the
   * error goes and the case is registered.
   */
  @Test
  void intakeWithoutBirthDateOrAgeNamesTheAgeFieldAndCreatesNoCase() {
    long casesBefore = caseCount();
    long instancesBefore =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();
    Set<String> before = caseReferences();
    tasklist.login(CASEWORKER);

    tasklist.openStartForm(START_FORM);
    fillIntake("Bushaltestelle Kaltenkirchen");
    tasklist.submitStartForm();

    assertThat(tasklist.startFormError())
        .contains("Bitte ein Geburtsdatum oder ein geschätztes Alter angeben")
        .doesNotContain("Cannot instantiate")
        .doesNotContain("inobhutnahme:");
    assertThat(tasklist.fieldError("Geschätztes Alter"))
        .isEqualTo("Bitte ein Geburtsdatum oder ein geschätztes Alter angeben.");
    tasklist.screenshot("aufnahme-serverfehler");
    assertThat(caseCount()).isEqualTo(casesBefore);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseProcess.KEY)
                .count())
        .isEqualTo(instancesBefore);

    tasklist.enter("Geschätztes Alter", "14");
    tasklist.await().until(d -> !tasklist.fieldErrorShown("Geschätztes Alter"));
    tasklist.submitStartForm();
    tasklist.await().until(d -> tasklist.startFormClosed());
    String reference = tasklist.await().until(d -> newCaseReference(before));
    assertThat(reference).startsWith("SEG-");
  }

  @Test
  void intakeStartFormRegistersTheCaseAndKeepsPersonalDataOutOfTheEngine() {
    String location = "Polizeirevier Bad Segeberg, Wache 3";
    Set<String> before = caseReferences();
    tasklist.login(CASEWORKER);

    tasklist.openStartForm(START_FORM);
    fillIntake(location);
    tasklist.type("Geschätztes Alter", "14");
    tasklist.screenshot("aufnahme-ausgefuellt");
    tasklist.submitStartForm();
    tasklist.await().until(d -> tasklist.startFormClosed());

    String reference = tasklist.await().until(d -> newCaseReference(before));
    assertThat(reference).matches("SEG-" + Year.now(clock) + "-\\d{4}");
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseProcess.KEY)
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(instance).isNotNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(reference)
                .taskDefinitionKey(SearchElements.CHOOSE)
                .taskNameLike("Platz auswählen und anfragen — " + reference + " · %")
                .count())
        .isEqualTo(1);
    PersonalData.assertNotInEngine(runtime, history, location, "Musterkind");
    assertThat(identityOf(reference))
        .containsEntry("currentLocation", location)
        .containsEntry("lastName", "Musterkind");
    assertThat(tasklist.localStorageKeys()).noneMatch(key -> key.startsWith("camunda-form:"));
  }

  @Test
  void providerAcceptsTheRequestInTasklistAndTheCaseIsPlaced() {
    StartedCase started =
        Intakes.register(
            rest,
            CASEWORKER,
            Intakes.urgentInSegeberg(
                "Lena", "Beispielkind", 14, "Jugendnotdienst Norderstedt, Flur 2"));
    String provider =
        identity.createGroupQuery().groupMember(PROVIDER_LOGIN).singleResult().getName();
    tasklist.login(CASEWORKER);

    Task choose = backstage.task(started.caseReference(), SearchElements.CHOOSE);
    tasklist.openAndClaim(choose.getId());
    assertThat(tasklist.formText()).contains("Platz auswählen – Fall " + started.caseReference());
    assertThat(tasklist.saveButtonShown())
        .as("'Speichern' would keep a draft in the browser")
        .isFalse();
    tasklist.tick("Ausgewählte Träger gleichzeitig anfragen");
    String option = tasklist.tickContaining("Anzufragende Plätze", provider);
    assertThat(option).contains("Tel.");
    tasklist.screenshot("platzauswahl");
    tasklist.complete();
    Task request =
        tasklist
            .await()
            .until(d -> backstage.openTask(started.caseReference(), SearchElements.ANSWER));
    tasklist.logout();

    tasklist.login(PROVIDER_LOGIN);
    tasklist.openAndClaim(request.getId());
    String shown = tasklist.formText();
    tasklist.screenshot("platzanfrage");
    assertThat(shown).contains("Platzanfrage " + started.caseReference()).contains("14 Jahre");
    assertThat(shown)
        .doesNotContain("Lena")
        .doesNotContain("Beispielkind")
        .doesNotContain("Norderstedt, Flur");
    tasklist.tick("Zusage");
    tasklist.complete();

    tasklist.await().until(d -> "PLACED".equals(caseStatus(started.caseReference()).get("status")));
    assertThat(tasklist.localStorageKeys()).noneMatch(key -> key.startsWith("camunda-form:"));
  }

  @Test
  void tasklistKeepsNoFormDraftsInTheBrowser() {
    // a draft left by an older Tasklist, written before our script is loaded (same origin, other
    // page)
    session.open("/actuator/health");
    tasklist.script(
        "window.localStorage.setItem('camunda-form:left-over', '{\"pers_lastName\":\"X\"}');");

    tasklist.login(CASEWORKER);
    tasklist.script(
        "window.localStorage.setItem('camunda-form:new', '{}'); window.localStorage.setItem('probe', '1');");

    assertThat(tasklist.localStorageKeys())
        .contains("probe")
        .noneMatch(key -> key.startsWith("camunda-form:"));
  }

  private void fillIntake(String location) {
    IntakeForm.fill(tasklist, "Mia", location);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> caseStatus(String reference) {
    return rest.withBasicAuth(CASEWORKER, PASSWORD)
        .getForObject("/api/cases/" + reference, Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> identityOf(String reference) {
    return rest.withBasicAuth(CASEWORKER, PASSWORD)
        .getForObject("/api/cases/" + reference + "/identity", Map.class);
  }

  private long caseCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM custody_case", Long.class);
  }

  private Set<String> caseReferences() {
    return Set.copyOf(jdbc.queryForList("SELECT reference FROM custody_case", String.class));
  }

  private String newCaseReference(Set<String> before) {
    return caseReferences().stream().filter(r -> !before.contains(r)).findFirst().orElse(null);
  }
}
