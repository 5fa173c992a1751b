// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One case from the start form to its end, every step through the real forms in the real Tasklist
 * in headless Chromium, on a desktop (1440 px) and on a tablet upright (768 px), each by the role
 * that does it: the caseworker starts the case; nobody finds a place in the district within 30
 * minutes (the engine clock moves on); the coordinators find none in the network and end the
 * search; the head of office decides the level-2 emergency measure with a registry place; that
 * provider confirms the child's arrival; the caseworker informs the child and the parents and ends
 * the custody with the return home. The case is then closed, its place released, and nothing of it
 * is left in the engine. Screenshots go to target/screenshots.
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeCaseBrowserIT {

  private static final String CASEWORKER = "fk-seg-1";
  private static final String COORDINATOR = "koordination-1";
  private static final String HEAD = "al-seg";
  private static final String PROVIDER = "einrichtung-seg";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private BrowserSession session;
  private Tasklist tasklist;
  private Backstage backstage;
  private ApiClient api;
  private int width;

  @BeforeAll
  void startBrowser() throws Exception {
    session = BrowserSession.start(port, 1440, 1800);
    tasklist = session.tasklist(engine.getName());
    api = new ApiClient(port);
    backstage = new Backstage(engine, api);
  }

  @AfterEach
  void lastScreen(TestInfo test) {
    tasklist.screenshot("whole-case-last-" + test.getDisplayName().replaceAll("\\W+", "-"));
    tasklist.forgetSession();
  }

  @AfterAll
  void closeBrowser() {
    BrowserSession.close(session);
  }

  /**
   * At the desk width only: the tablet width of the same forms is walked by CaseJourneyBrowserIT
   * and TasklistJourneyBrowserIT, and a second whole case would cost CI another two minutes.
   */
  @Test
  void fromTheStartFormThroughLevel2ToTheReturnHomeEveryRoleInTasklist() {
    this.width = 1440;
    // the caseworker takes the child in with the start form
    login(CASEWORKER);
    tasklist.openStartForm(IntakeForm.NAME);
    IntakeForm.fill(tasklist, "Nora", "Polizeirevier Bad Segeberg, Wache 1");
    tasklist.enter("Geschätztes Alter", "14");
    List<String> before = backstage.caseReferences();
    tasklist.submitStartForm();
    tasklist.await().until(d -> tasklist.startFormClosed());
    String ref = tasklist.await().until(d -> backstage.newCaseReference(before));
    assertThat(ref).startsWith("SEG-");
    tasklist.open();
    assertThat(tasklist.taskListShowing("Platz auswählen und anfragen — " + ref))
        .contains(ref + " · 14–15 J.");
    assertThat(backstage.status(ref)).isEqualTo("OPEN");
    screenshot("whole-case-1-caseworker-list");
    tasklist.forgetSession();

    // nobody chose a place in the district within 30 minutes: the search goes to the network
    backstage.passTime(ref, Duration.ofMinutes(31));
    assertThat(backstage.escalationLevel(ref)).isEqualTo("VERBUND");
    // back to the real time: a placement stamped half an hour ahead would keep its place taken for
    // the tests after this one in the shared application until the real time caught up
    ClockUtil.reset();
    Task networkSearch = backstage.task(ref, SearchElements.CHOOSE);
    assertThat(candidateGroups(networkSearch)).containsExactly("koordinierungsstelle");

    // the coordinators find nothing in the network either and end the search
    login(COORDINATOR);
    tasklist.showFilter("Verbund-Eskalationen");
    tasklist.taskListShowing("Platz auswählen und anfragen — " + ref);
    tasklist.openAfreshAndClaim(networkSearch.getId());
    assertThat(tasklist.formText()).contains("Platz auswählen – Fall " + ref);
    tasklist.tick("Keine Anfrage möglich");
    tasklist.complete();
    Task level2 =
        tasklist.await().until(d -> backstage.openTask(ref, CaseProcess.Elements.LEVEL2_DECISION));
    assertThat(backstage.escalationLevel(ref)).isEqualTo("STUFE_2");
    tasklist.forgetSession();

    // the head of office sees the level-2 decision among the escalations and decides it, naming a
    // place in the registry
    long offer = backstage.ownOffer(PROVIDER);
    String provider = backstage.providerName(PROVIDER);
    login(HEAD);
    tasklist.showFilter("Verbund-Eskalationen");
    tasklist.taskListShowing("Notmaßnahme entscheiden (Stufe 2) — " + ref);
    screenshot("whole-case-2-head-escalations");
    tasklist.openAfreshAndClaim(level2.getId());
    assertThat(tasklist.formText())
        .contains("Eskalation Stufe 2 – Fall " + ref)
        .contains("kein Platz gefunden");
    tasklist.select("Notmaßnahme", "Notaufnahme in Bereitschaftspflege");
    tasklist.enter("Begründung", "Kein Platz im Kreis und im Verbund frei; Notaufnahme.");
    tasklist.enter("Ort / Träger der Unterbringung", provider);
    tasklist.enter("Angebots-Nr. im Register", String.valueOf(offer));
    screenshot("whole-case-3-head-level2");
    tasklist.complete();
    tasklist.await().until(d -> "PLACED".equals(backstage.status(ref)));
    Task prepare =
        tasklist.await().until(d -> backstage.openTask(ref, CaseProcess.Elements.PREPARE_ARRIVAL));
    assertThat(backstage.openTask(ref, CaseProcess.Elements.LEVEL2_DECISION)).isNull();
    tasklist.forgetSession();

    // the provider of that place prepares the arrival and confirms it
    login(PROVIDER);
    tasklist.taskListShowing("Aufnahme vorbereiten — " + ref);
    tasklist.openAfreshAndClaim(prepare.getId());
    assertThat(tasklist.formText())
        .contains("Aufnahme vorbereiten – Fall " + ref)
        .doesNotContain("Musterkind");
    tasklist.tick("Ja, das Kind ist bei uns angekommen");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(ref, CaseProcess.Elements.PREPARE_ARRIVAL) == null);
    tasklist.forgetSession();

    // the caseworker fulfils the legal duties and ends the custody: the child returns home
    login(CASEWORKER);
    String list = tasklist.taskListShowing("Beendigung der Inobhutnahme entscheiden — " + ref);
    assertThat(list)
        .contains("Kind informieren und Vertrauensperson benachrichtigen lassen — " + ref)
        .contains("Personensorgeberechtigte informieren und Gefährdung einschätzen — " + ref);
    screenshot("whole-case-4-caseworker-duties");
    tasklist.openAfreshAndClaim(backstage.task(ref, DutiesProcess.Elements.INFORM_CHILD).getId());
    assertThat(tasklist.formText()).contains("Kind informieren (§ 42 Abs. 2 SGB VIII)", ref);
    tasklist.tick("Das Kind ist über die Inobhutnahme");
    tasklist.tick("Das Kind hatte Gelegenheit");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(ref, DutiesProcess.Elements.INFORM_CHILD) == null);
    tasklist.openAfreshAndClaim(backstage.task(ref, DutiesProcess.Elements.INFORM_PARENTS).getId());
    assertThat(tasklist.formText()).contains("Personensorgeberechtigte informieren", ref);
    tasklist.tick("Die Personensorgeberechtigten sind informiert");
    tasklist.tick("Das Gefährdungsrisiko ist mit ihnen abgeschätzt");
    tasklist.complete();
    tasklist
        .await()
        .until(d -> backstage.openTask(ref, DutiesProcess.Elements.INFORM_PARENTS) == null);
    assertThat(backstage.openTask(ref, DutiesProcess.Elements.DECIDE_ON_OBJECTION))
        .as("the parents did not object")
        .isNull();

    tasklist.openAfreshAndClaim(backstage.task(ref, CaseProcess.Elements.DECIDE_OUTCOME).getId());
    assertThat(tasklist.formText())
        .contains("Beendigung der Inobhutnahme – Fall " + ref)
        .contains("Untergebracht bei: " + provider);
    tasklist.select("Wie endet die Inobhutnahme?", "Rückkehr zu den Personensorgeberechtigten");
    tasklist.enter("Bemerkung", "Eltern holen das Kind nach dem Gespräch ab.");
    screenshot("whole-case-5-caseworker-end");
    tasklist.complete();
    tasklist.await().until(d -> "CLOSED".equals(backstage.status(ref)));

    // the caseworker sees the end; the case is closed, the place free, nothing left in the engine
    session.open("/faelle/" + ref);
    assertThat(session.text("naechster-schritt"))
        .contains("Die Inobhutnahme ist beendet. Es gibt nichts mehr zu tun.");
    assertThat(session.text("unterbringung")).contains(provider);
    assertThat(session.text("ankunft")).contains("Kind ist angekommen", PROVIDER);
    screenshot("whole-case-6-case-view-closed");
    var shown = api.as(CASEWORKER).get("/api/cases/" + ref);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().get("status").asText()).isEqualTo("CLOSED");
    assertThat(shown.json().get("outcome").asText()).isEqualTo("RETURN_HOME");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT status, escalation_level, emergency_measure, outcome, closed_at"
                + " FROM custody_case WHERE reference = ?",
            ref);
    assertThat(row)
        .containsEntry("STATUS", "CLOSED")
        .containsEntry("ESCALATION_LEVEL", "STUFE_2")
        .containsEntry("EMERGENCY_MEASURE", "BEREITSCHAFTSPFLEGE")
        .containsEntry("OUTCOME", "RETURN_HOME");
    assertThat(row.get("CLOSED_AT")).isNotNull();
    assertThat(
            jdbc.queryForList(
                "SELECT end_reason FROM placement WHERE case_reference = ? AND offer_id = ?",
                String.class,
                ref,
                offer))
        .as("the emergency place is released")
        .containsExactly("RETURN_HOME");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ref)
                .count())
        .as("process instances of the case")
        .isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref).count())
        .as("open tasks of the case")
        .isZero();
  }

  /**
   * Logs in on a wide window (Tasklist folds its menu on narrow screens), then turns to the test's
   * width: a tablet upright at 768 px.
   */
  private void login(String user) {
    session.resizeBack();
    tasklist.login(user);
    session.resize(width, width == 768 ? 1024 : 1800);
  }

  private void screenshot(String name) {
    tasklist.screenshot(name + "-" + width);
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }
}
