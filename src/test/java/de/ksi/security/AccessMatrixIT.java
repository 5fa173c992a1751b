// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import de.ksi.testing.TaskForms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what of one Segeberg case, cell by cell: every role against every resource and action,
 * through {@code /engine-rest}, {@code /api} and the Java API, with the ids of the case's
 * instances, tasks and variables as another office would guess them. The whole table must match;
 * any changed cell fails.
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

  /**
   * probe | expected per role (A = allowed, - = denied). The provider reads the history details of
   * its own request task (the engine grants HISTORIC_TASK READ with the candidate group), never of
   * anyone else's. The machine is an API credential of the case's provider (issue #19): it reads
   * its own offer and nothing else. Capacity planning shows aggregate figures only, no case:
   * planners (coordinators, process owners, administrators, heads of office) read it.
   */
  private static final String MATRIX =
      """
      probe                 office other coord owner provider otherProv admin head dataProt machine
      task.get              A      -     A     -     -        -         A     -    -        -
      task.variables        A      -     A     -     -        -         A     -    -        -
      task.list             A      -     A     -     -        -         A     -    -        -
      task.update           -      -     -     -     -        -         A     -    -        -
      request.get           -      -     A     -     A        -         A     -    -        -
      request.variables     -      -     A     -     A        -         A     -    -        -
      instance.get          A      -     A     -     -        -         A     -    -        -
      instance.list         A      -     A     -     -        -         A     -    -        -
      instance.variables    A      -     A     -     -        -         A     -    -        -
      search.variables      A      -     A     -     -        -         A     -    -        -
      duties.variables      A      -     A     -     -        -         A     -    -        -
      variable.query        A      -     A     -     -        -         A     -    -        -
      variable.byId         A      -     A     -     -        -         A     -    -        -
      history.instance      A      -     A     -     -        -         A     -    -        -
      history.tasks         A      -     A     -     -        -         A     -    -        -
      history.variables     A      -     A     -     -        -         A     -    -        -
      history.detail        A      -     A     -     A        -         A     -    -        -
      history.activities    A      -     A     -     -        -         A     -    -        -
      history.operations    A      -     A     -     -        -         A     -    -        -
      history.identityLinks A      -     A     -     -        -         A     -    -        -
      definition.list       A      A     A     A     -        -         A     -    -        -
      api.case              A      -     A     -     -        -         -     -    -        -
      api.identity          A      -     A     -     -        -         -     -    -        -
      api.caseView          A      -     A     -     -        -         -     A    -        -
      java.task             A      -     A     -     -        -         A     -    -        -
      java.variables        A      -     A     -     -        -         A     -    -        -
      java.historicTasks    A      -     A     -     -        -         A     -    -        -
      java.historicVars     A      -     A     -     -        -         A     -    -        -
      api.audit             -      -     A     -     -        -         -     -    A        -
      api.credentials       -      -     A     -     -        -         -     -    -        -
      api.reporting         -      -     A     -     -        -         -     -    -        -
      api.planning          -      -     A     A     -        -         A     A    -        -
      api.ownOffer          A      A     A     A     A        A         A     A    A        A
      api.otherOffer        A      A     A     A     A        A         A     A    A        -
      """;

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  private ApiClient api;
  private final Map<String, String> users = new LinkedHashMap<>();
  private String ref;
  private String mainInstance;
  private String searchInstance;
  private String dutiesInstance;
  private String dutyTask;
  private String requestTask;
  private String completedTask;
  private String variableId;
  private long providerId;
  private long offerId;
  private long otherOfferId;

  /**
   * While probing the machine credential, which {@code /engine-rest} and the webapps answer with
   * 401.
   */
  private boolean probingMachine;

  @BeforeAll
  void aSegebergCaseWaitingForAProvider() {
    api = new ApiClient(port);
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    users.put("office", "fk-seg-1");
    users.put("other", "fk-sto-1");
    users.put("coord", "koordination-1");
    users.put("owner", "prozess-1");
    users.put("provider", fixtures.providerLogin(offer.id()));
    OfferView otherOffer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    users.put("otherProv", fixtures.providerLogin(otherOffer.id()));
    providerId = offer.providerId();
    offerId = offer.id();
    otherOfferId = otherOffer.id();
    users.put("admin", "admin");
    users.put("head", "al-seg");
    users.put("dataProt", fixtures.user("it-dsb-" + offer.id(), Groups.DATA_PROTECTION));
    users.put(
        "machine",
        BEARER
            + api.as("koordination-1")
                .post(
                    "/api/providers/" + offer.providerId() + "/credentials",
                    "{\"label\": \"Zugriffsmatrix\"}")
                .expect(201)
                .get("token")
                .asText());

    JsonNode created =
        api.as("fk-seg-1")
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Vertraulich",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}""")
            .expect(201);
    ref = created.get("caseReference").asText();
    mainInstance = created.get("processInstanceId").asText();
    Task choose = openTask(CaseProcess.SearchElements.CHOOSE);
    searchInstance = choose.getProcessInstanceId();
    completedTask = choose.getId();
    assertThat(
            api.as("fk-seg-1")
                .post(
                    engineRest() + "/task/" + choose.getId() + "/submit-form",
                    TaskForms.request(offer.id()))
                .status())
        .isEqualTo(204);
    requestTask = openTask(CaseProcess.SearchElements.ANSWER).getId();
    Task duty =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskCandidateGroup(District.SEGEBERG.groupId())
            .list()
            .stream()
            .filter(
                t ->
                    !t.getProcessInstanceId().equals(mainInstance)
                        && !t.getProcessInstanceId().equals(searchInstance))
            .findFirst()
            .orElseThrow();
    dutyTask = duty.getId();
    dutiesInstance = duty.getProcessInstanceId();
    variableId =
        engine
            .getRuntimeService()
            .createVariableInstanceQuery()
            .processInstanceIdIn(mainInstance)
            .variableName(CaseProcess.Vars.ESCALATION_LEVEL)
            .singleResult()
            .getId();
  }

  @Test
  void everyRoleSeesExactlyItsCellsOfTheMatrix() {
    List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = List.of(lines.get(0).trim().split("\\s+"));
    List<String> roles = header.subList(1, header.size());
    List<String> differences = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      for (int i = 0; i < roles.size(); i++) {
        boolean expected = "A".equals(cells[i + 1]);
        boolean actual = allowed(cells[0], users.get(roles.get(i)));
        if (expected != actual) {
          differences.add(
              "%s for %s: expected %s, was %s"
                  .formatted(cells[0], roles.get(i), cells[i + 1], actual ? "A" : "-"));
        }
      }
    }
    assertThat(differences).as("cells of the access matrix that changed").isEmpty();
  }

  @Test
  void theProviderSeesThePseudonymisedProfileOnlyInItsRequest() {
    // what Tasklist loads for the request's form: the case reference comes from the case table
    String form =
        api.as(users.get("provider"))
            .get(engineRest() + "/task/" + requestTask + "/form-variables")
            .body();
    String variables =
        api.as(users.get("provider"))
            .get(engineRest() + "/task/" + requestTask + "/variables")
            .body();

    assertThat(form).contains(ref).doesNotContain("Vertraulich", "Lea", "Polizeirevier");
    assertThat(variables).doesNotContain("Vertraulich", "Lea", "Polizeirevier");
  }

  @Test
  void everyReadOfTheIdentityIsInTheAuditLogThatDataProtectionReads() {
    api.as("koordination-2").get("/api/cases/" + ref + "/identity").expect(200);
    api.as(users.get("otherProv")).get("/api/cases/" + ref + "/identity");

    JsonNode entries =
        api.as(users.get("dataProt")).get("/api/audit?caseReference=" + ref).expect(200);

    assertThat(
            anyMatch(
                entries,
                e ->
                    "koordination-2".equals(e.path("actor").asText())
                        && "IDENTITY_READ".equals(e.path("action").asText())))
        .isTrue();
    assertThat(
            anyMatch(
                entries,
                e ->
                    users.get("otherProv").equals(e.path("actor").asText())
                        && !"ACCESS_REFUSED".equals(e.path("action").asText())))
        .as("a refused read discloses nothing, so it is not a disclosure")
        .isFalse();
    assertThat(
            anyMatch(
                entries,
                e ->
                    users.get("otherProv").equals(e.path("actor").asText())
                        && "ACCESS_REFUSED".equals(e.path("action").asText())))
        .as("but the attempt is on record")
        .isTrue();
    api.as("admin").get("/api/audit?caseReference=" + ref).problem(403);
  }

  private static final String BEARER = "bearer:";

  private boolean allowed(String probe, String user) {
    probingMachine = user.startsWith(BEARER);
    if (probingMachine && probe.startsWith("java.")) {
      return false; // a machine credential is no engine identity
    }
    ApiClient.Caller as =
        probingMachine
            ? api.anonymous().with("Authorization", "Bearer " + user.substring(BEARER.length()))
            : api.as(user);
    String rest = engineRest();
    return switch (probe) {
      case "task.get" -> ok(as.get(rest + "/task/" + dutyTask));
      case "task.variables" -> ok(as.get(rest + "/task/" + dutyTask + "/variables"));
      case "task.list" ->
          contains(as.get(rest + "/task?processInstanceBusinessKey=" + ref), dutyTask);
      case "task.update" -> updateTask(as, rest);
      case "request.get" -> ok(as.get(rest + "/task/" + requestTask));
      case "request.variables" -> ok(as.get(rest + "/task/" + requestTask + "/variables"));
      case "instance.get" -> ok(as.get(rest + "/process-instance/" + mainInstance));
      case "instance.list" ->
          contains(as.get(rest + "/process-instance?businessKey=" + ref), mainInstance);
      case "instance.variables" ->
          ok(as.get(rest + "/process-instance/" + mainInstance + "/variables"));
      case "search.variables" ->
          ok(as.get(rest + "/process-instance/" + searchInstance + "/variables"));
      case "duties.variables" ->
          ok(as.get(rest + "/process-instance/" + dutiesInstance + "/variables"));
      case "variable.query" ->
          notEmpty(as.get(rest + "/variable-instance?processInstanceIdIn=" + mainInstance));
      case "variable.byId" -> ok(as.get(rest + "/variable-instance/" + variableId));
      case "history.instance" -> ok(as.get(rest + "/history/process-instance/" + mainInstance));
      case "history.tasks" ->
          contains(
              as.get(rest + "/history/task?processInstanceId=" + searchInstance), completedTask);
      case "history.variables" ->
          notEmpty(as.get(rest + "/history/variable-instance?processInstanceId=" + mainInstance));
      case "history.detail" ->
          notEmpty(as.get(rest + "/history/detail?processInstanceId=" + searchInstance));
      case "history.activities" ->
          notEmpty(as.get(rest + "/history/activity-instance?processInstanceId=" + mainInstance));
      case "history.operations" ->
          notEmpty(as.get(rest + "/history/user-operation?processInstanceId=" + searchInstance));
      case "history.identityLinks" ->
          notEmpty(as.get(rest + "/history/identity-link-log?taskId=" + completedTask));
      case "definition.list" ->
          notEmpty(as.get(rest + "/process-definition?key=" + CaseProcess.KEY));
      case "api.case" -> ok(as.get("/api/cases/" + ref));
      case "api.identity" -> ok(as.get("/api/cases/" + ref + "/identity"));
      case "api.caseView" -> ok(as.get("/api/cases/" + ref + "/overview"));
      case "api.audit" -> ok(as.get("/api/audit?caseReference=" + ref));
      case "api.credentials" -> ok(as.get("/api/providers/" + providerId + "/credentials"));
      case "api.reporting" -> ok(as.get("/api/reporting/overview"));
      case "api.planning" -> ok(as.get("/api/planning"));
      case "api.ownOffer" -> ok(as.get("/api/offers/" + offerId));
      case "api.otherOffer" -> ok(as.get("/api/offers/" + otherOfferId));
      case "java.task" ->
          asUser(
              user, () -> engine.getTaskService().createTaskQuery().taskId(dutyTask).count() == 1);
      case "java.variables" ->
          asUser(user, () -> !engine.getRuntimeService().getVariables(mainInstance).isEmpty());
      case "java.historicTasks" ->
          asUser(
              user,
              () ->
                  engine
                          .getHistoryService()
                          .createHistoricTaskInstanceQuery()
                          .taskId(completedTask)
                          .count()
                      == 1);
      case "java.historicVars" ->
          asUser(
              user,
              () ->
                  engine
                          .getHistoryService()
                          .createHistoricVariableInstanceQuery()
                          .processInstanceId(mainInstance)
                          .count()
                      > 0);
      default -> throw new IllegalArgumentException("unknown probe " + probe);
    };
  }

  /** Writes and removes a harmless task-local variable. */
  private boolean updateTask(ApiClient.Caller as, String rest) {
    String path = rest + "/task/" + dutyTask + "/localVariables/matrixProbe";
    if (as.put(path, "{\"value\": \"x\", \"type\": \"String\"}").status() != 204) {
      return false;
    }
    assertThat(as.send("DELETE", path, null).status()).isEqualTo(204);
    return true;
  }

  private boolean asUser(String user, java.util.function.BooleanSupplier probe) {
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return probe.getAsBoolean();
    } catch (org.camunda.bpm.engine.AuthorizationException
        | org.camunda.bpm.engine.exception.NullValueException e) {
      return false;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private boolean ok(ApiClient.Reply reply) {
    if (probingMachine && reply.status() == 401) {
      return false;
    }
    assertThat(reply.status())
        .as("an allowed or denied answer, not an error: %s", reply.body())
        .isIn(200, 403, 404);
    return reply.status() == 200;
  }

  private boolean notEmpty(ApiClient.Reply reply) {
    return ok(reply) && reply.json().size() > 0;
  }

  private boolean contains(ApiClient.Reply reply, String id) {
    return ok(reply) && anyMatch(reply.json(), n -> id.equals(n.path("id").asText()));
  }

  private static boolean anyMatch(JsonNode array, Predicate<JsonNode> test) {
    return StreamSupport.stream(array.spliterator(), false).anyMatch(test);
  }

  private Task openTask(String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }
}
