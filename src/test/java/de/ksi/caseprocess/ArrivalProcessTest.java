// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Gender;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess.Choice;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.IntakeService;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import de.ksi.notification.Notifications;
import de.ksi.testing.Intakes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The provider's side of an accepted request and what the caseworker is told of answers, on the
 * real BPMN: the task "Aufnahme vorbereiten" for the accepting provider, the confirmation "Kind ist
 * angekommen", the reminder when it stays unconfirmed (by moving the clock), and the answers so far
 * at the top of the next choice.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:caseprocess;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
      "camunda.bpm.job-execution.enabled=false",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "ksi.demo.enabled=true"
    })
class ArrivalProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired CapacityRegistry registry;
  @Autowired IntakeService cases;
  @Autowired ProviderDirectory directory;
  @Autowired Notifications notifications;
  @Autowired Arrivals arrivals;

  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new CaseScenario(engine, intake, registry);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String girlOf13(District office) {
    return scenario
        .start(
            Intakes.request(
                office, LegalGround.NR2_DRINGENDE_GEFAHR, 13, Gender.FEMALE, Urgency.IMMEDIATE))
        .caseReference();
  }

  private long placed(String ref) {
    long offer = scenario.firstCandidate(ref);
    scenario.request(ref, offer);
    scenario.accept(ref, offer);
    return offer;
  }

  @Test
  void theAcceptingProviderPreparesTheArrivalAndItsConfirmationIsRecordedForTheCaseworker() {
    String ref = girlOf13(District.SEGEBERG);
    long offer = placed(ref);

    Task prepare = scenario.task(ref, Elements.PREPARE_ARRIVAL);
    assertThat(engine.getTaskService().getIdentityLinksForTask(prepare.getId()))
        .filteredOn(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly(directory.groupOfOffer(offer));
    assertThat(engine.getTaskService().getVariables(prepare.getId()).keySet())
        .as("the identity is no process variable")
        .noneMatch(name -> name.startsWith(Vars.PERSONAL_PREFIX));
    long caseId = cases.byReference(ref).getId();
    assertThat(arrivals.of(caseId)).hasValueSatisfying(a -> assertThat(a.arrivedAt()).isNull());
    assertThat(scenario.task(ref, Elements.DECIDE_OUTCOME))
        .as("the office goes on in parallel")
        .isNotNull();

    scenario.complete(prepare, Map.of(Vars.ARRIVAL, CaseProcess.Arrival.ARRIVED));

    assertThat(arrivals.of(caseId))
        .hasValueSatisfying(
            a -> {
              assertThat(a.arrivedAt()).isNotNull();
              assertThat(a.placementId()).isEqualTo(cases.byReference(ref).getPlacementId());
            });
    assertThat(scenario.tasks(ref, Elements.PREPARE_ARRIVAL)).isEmpty();
    assertThat(scenario.task(ref, Elements.DECIDE_OUTCOME)).isNotNull();
  }

  @Test
  void anArrivalUnconfirmedAfterFourHoursRemindsTheOfficeWithTheProvidersPhone() {
    String ref = girlOf13(District.STORMARN);
    long offer = placed(ref);
    String phone =
        directory
            .get(registry.placement(cases.byReference(ref).getPlacementId()).providerId())
            .phone24h();

    scenario.passTime(ref, Duration.ofHours(3));
    assertThat(arrivals.of(cases.byReference(ref).getId()))
        .hasValueSatisfying(a -> assertThat(a.remindedAt()).isNull());

    scenario.passTime(ref, Duration.ofHours(1).plusMinutes(1));

    assertThat(notifications.forGroups(List.of(District.STORMARN.groupId()), 50))
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Notifications.Kind.ARRIVAL_OVERDUE);
              assertThat(n.caseReference()).isEqualTo(ref);
              assertThat(n.message()).contains(phone, "/faelle/" + ref).doesNotContain("Muster");
            });
    assertThat(arrivals.of(cases.byReference(ref).getId()))
        .hasValueSatisfying(a -> assertThat(a.remindedAt()).isNotNull());
    assertThat(scenario.tasks(ref, Elements.PREPARE_ARRIVAL))
        .as("the provider can still confirm")
        .hasSize(1);
    assertThat(directory.groupOfOffer(offer)).isNotBlank();
  }

  @Test
  void aPlaceOutsideTheRegistryHasNoProviderToPrepareTheArrival() {
    String ref = girlOf13(District.PINNEBERG);

    scenario.choose(
        ref, Map.of(Vars.CHOICE, Choice.PHONE, Vars.PHONE_NOTE, "Pflegefamilie Nord, Frau K."));

    assertThat(scenario.tasks(ref, Elements.PREPARE_ARRIVAL)).isEmpty();
    assertThat(arrivals.of(cases.byReference(ref).getId())).isEmpty();
    assertThat(scenario.task(ref, Elements.DECIDE_OUTCOME)).isNotNull();
  }

  @Test
  void closingTheCaseEndsAnUnconfirmedArrival() {
    String ref = girlOf13(District.NORDERSTEDT);
    placed(ref);

    scenario.complete(
        scenario.task(ref, Elements.DECIDE_OUTCOME), Map.of(Vars.OUTCOME, "RETURN_HOME"));

    assertThat(scenario.tasks(ref, Elements.PREPARE_ARRIVAL)).isEmpty();
  }

  @Test
  void aDeclineAndAnExpiredRequestAreShownAtTheTopOfTheNextChoice() {
    String ref = girlOf13(District.HERZOGTUM_LAUENBURG);
    List<Long> candidates = scenario.candidates(scenario.task(ref, SearchElements.CHOOSE));
    assertThat(
            scenario.formVariable(scenario.task(ref, SearchElements.CHOOSE), Vars.ANSWERS_SO_FAR))
        .isEqualTo("");
    long declining = candidates.get(0);
    long silent = candidates.get(1);
    scenario.request(ref, declining, silent);

    scenario.answer(
        ref,
        declining,
        Map.of(
            Vars.DECISION,
            "DECLINE",
            Vars.DECLINE_REASON,
            "STAFF_SHORTAGE",
            Vars.DECLINE_NOTE,
            "Nachtdienst krank"));
    scenario.passTime(ref, Duration.ofMinutes(16));

    String shown =
        (String)
            scenario.formVariable(scenario.task(ref, SearchElements.CHOOSE), Vars.ANSWERS_SO_FAR);
    String decliner = directory.get(directory.offerView(declining).providerId()).name();
    String silentOne = directory.get(directory.offerView(silent).providerId()).name();
    assertThat(shown)
        .contains(decliner, "Personalmangel", silentOne, "keine Antwort in der Frist")
        .as("the provider's free text stays out of the process")
        .doesNotContain("Nachtdienst krank");
  }
}
