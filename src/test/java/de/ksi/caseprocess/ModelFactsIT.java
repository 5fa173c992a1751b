// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #22, decision 3: what the models read about a case, its search and its duties comes from
 * our tables ({@code caseFacts}, {@code searchFacts}, {@code dutyFacts}, the forms' fields), not
 * from process variables: the forms still show it, and a variable written onto a running instance
 * changes nothing.
 */
@KsiIntegrationTest
class ModelFactsIT {

  /** Names that were process variables before and are read from our tables now. */
  private static final Set<String> NO_LONGER_VARIABLES =
      Set.of(
          "caseId",
          "caseReference",
          "office",
          "officeGroup",
          "officeHeadGroup",
          "legalGround",
          "custodyStart",
          "freedomRestriction",
          "searchScope",
          "searchGroup",
          "searchCategories",
          "candidates",
          "candidateSummary",
          "answersSoFar",
          "providerGroup",
          "providerName",
          "requestDueDate",
          "informChildDue",
          "informParentsDue",
          "objectionWithin",
          "courtDecisionWithin");

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired CapacityRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired SearchCandidates candidates;

  ApiClient api;
  String caseworker;
  OfferView offer;
  String ref;

  @BeforeEach
  void aCaseInSegeberg() {
    api = new ApiClient(port);
    caseworker = fixtures.caseworker(District.SEGEBERG);
    offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
  }

  @Test
  void theFormsShowTheCaseFromOurTablesWhileTheProcessesHoldNoneOfItAsVariables() {
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    String informChild = fixtures.openTask(ref, DutiesProcess.Elements.INFORM_CHILD);

    JsonNode choice = formVariables(choose);
    JsonNode duty = formVariables(informChild);

    assertThat(choice.path("caseReference").path("value").asText()).isEqualTo(ref);
    assertThat(choice.path("candidateSummary").path("value").asText())
        .as("what the candidate search found")
        .contains("Einrichtung");
    assertThat(choice.path("candidates").path("type").asText())
        .as("the checklist's options, as the variable carried them")
        .isEqualTo("Json");
    assertThat(choice.path("candidates").path("value").asText())
        .contains("\"value\":\"" + offer.id() + "\"");
    assertThat(choice.path("answersSoFar").path("value").asText())
        .as("nobody answered yet")
        .isEmpty();
    assertThat(duty.path("caseReference").path("value").asText()).isEqualTo(ref);
    assertThat(variablesOfTheCase())
        .as("variables of the case's three processes")
        .doesNotContainAnyElementsOf(NO_LONGER_VARIABLES);
  }

  @Test
  void variablesWrittenOntoTheSearchNeitherRedirectItsTasksNorChangeItsDeadline() {
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    String search = instanceOf(choose);
    // as if someone who works the case had written them over /engine-rest
    engine.getRuntimeService().setVariable(search, "searchGroup", District.STORMARN.groupId());
    engine.getRuntimeService().setVariable(search, "searchScope", "NETWORK");
    engine.getRuntimeService().setVariable(search, "providerGroup", "traeger-x");
    engine.getRuntimeService().setVariable(search, "responseDeadline", "P30D");

    api.as(caseworker)
        .post(engineRest() + "/task/" + choose + "/submit-form", TaskForms.request(offer.id()))
        .expect(204);
    String request = fixtures.openTask(ref, CaseProcess.SearchElements.ANSWER);
    long holdId = registry.holdsOf(ref).get(0).id();
    String providerGroup = registry.holdView(holdId).providerGroup();
    String deadline =
        jdbc.queryForObject(
            "SELECT response_deadline FROM place_search WHERE search_instance_id = ?",
            String.class,
            search);

    assertThat(candidateGroups(request)).containsExactly(providerGroup);
    assertThat(deadline).isNotEqualTo("P30D");
    assertThat(
            engine.getTaskService().createTaskQuery().taskId(request).singleResult().getDueDate())
        .as("due within the recorded response deadline, not 30 days")
        .isBefore(java.util.Date.from(java.time.Instant.now().plus(1, ChronoUnit.DAYS)));

    api.as(fixtures.providerLogin(offer.id()))
        .post("/api/requests/" + holdId + "/decline", "{\"reason\": \"STAFF_SHORTAGE\"}")
        .expect(204);
    String nextChoice = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);

    assertThat(candidateGroups(nextChoice))
        .as("the choice goes back to the case's own office")
        .containsExactly(District.SEGEBERG.groupId());
    assertThat(formVariables(nextChoice).path("answersSoFar").path("value").asText())
        .contains("Personalmangel");
  }

  @Test
  void aSearchThatRanBeforeTheOptionsWereKeptShowsAndOffersItsVariable() {
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    String search = instanceOf(choose);
    // as an installation updated while this search waited for its choice: options in a variable
    jdbc.update(
        "UPDATE place_search SET candidate_options = NULL WHERE search_instance_id = ?", search);
    String options = "[{\"value\": \"" + offer.id() + "\", \"label\": \"1. Einrichtung (alt)\"}]";
    engine
        .getRuntimeService()
        .setVariable(
            search,
            CaseProcess.Vars.CANDIDATES,
            org.camunda.spin.plugin.variable.SpinValues.jsonValue(options).create());

    // as Tasklist loads a Camunda Form's variables
    JsonNode form =
        api.as(caseworker)
            .get(engineRest() + "/task/" + choose + "/form-variables?deserializeValues=false")
            .json();
    assertThat(form.path("candidates").path("value").asText()).contains("1. Einrichtung (alt)");
    assertThat(candidates.of(List.of(search)))
        .containsExactly(new SearchCandidates.Option(offer.id(), "1. Einrichtung (alt)"));
    assertThat(candidates.of(List.of(fixtures.instancesOf(ref))))
        .as("the case's other instances offer nothing")
        .hasSize(1);
  }

  @Test
  void theDutiesDeadlinesAreRecordedAndTheirTasksAreDueThen() {
    String informChild = fixtures.openTask(ref, DutiesProcess.Elements.INFORM_CHILD);
    String duties = instanceOf(informChild);

    List<String> recorded =
        jdbc.queryForList(
            "SELECT name FROM duty_deadline WHERE duties_instance_id = ? ORDER BY name",
            String.class,
            duties);
    Timestamp informChildDue =
        jdbc.queryForObject(
            "SELECT due_at FROM duty_deadline WHERE duties_instance_id = ? AND name = ?",
            Timestamp.class,
            duties,
            DutiesProcess.Variables.INFORM_CHILD_DUE);

    assertThat(recorded)
        .containsExactly(
            DutiesProcess.Variables.COURT_DECISION_WITHIN,
            DutiesProcess.Variables.INFORM_CHILD_DUE,
            DutiesProcess.Variables.INFORM_PARENTS_DUE,
            DutiesProcess.Variables.OBJECTION_WITHIN);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskId(informChild)
                .singleResult()
                .getDueDate()
                .toInstant())
        .isCloseTo(informChildDue.toInstant(), within(1, ChronoUnit.SECONDS));
  }

  private String instanceOf(String taskId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskId(taskId)
        .singleResult()
        .getProcessInstanceId();
  }

  private JsonNode formVariables(String taskId) {
    return api.as(caseworker).get(engineRest() + "/task/" + taskId + "/form-variables").json();
  }

  private Set<String> variablesOfTheCase() {
    return engine
        .getRuntimeService()
        .createVariableInstanceQuery()
        .processInstanceIdIn(fixtures.instancesOf(ref))
        .list()
        .stream()
        .map(VariableInstance::getName)
        .collect(Collectors.toSet());
  }

  private List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }
}
