// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every write operation the engine's REST API offers ({@code openapi.json} of Camunda 7.24: each
 * POST, PUT, DELETE and PATCH), sent by every role that works with a case, with the ids of a
 * running Segeberg case and the request body of the operation's first example. A cell that answers
 * 2xx is open; the open cells must all be listed, with their reason, in {@code
 * security/engine-rest-open-cells.txt}. A new open cell fails the test, naming it; the case must be
 * unchanged afterwards. No cell may answer 5xx (issue #17) unless {@code
 * security/engine-rest-server-errors.txt} names it with the reason it is no user's doing.
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestWriteMatrixIT {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestWriteMatrixIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> WRITES = Set.of("post", "put", "delete", "patch");

  /**
   * Lawful for the case's own caseworker, and a change of the case (assignee, the assignee's
   * grant): sent last.
   */
  private static final Set<String> LAST =
      Set.of("POST /task/{id}/claim", "POST /task/{id}/unclaim");

  /**
   * Bodies no operation can read, sent by the case's caseworker and a coordinator: a 4xx saying so,
   * never a 5xx.
   */
  private static final List<String> UNREADABLE = List.of("{\"variables\": ", "[1]");

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private ApiClient api;
  private CaseState state;
  private CaseScenarios cases;
  private final Map<String, String> roles = new LinkedHashMap<>();
  private final Map<String, String> ids = new LinkedHashMap<>();
  private final Set<String> membershipsBefore = new HashSet<>();
  private CaseScenarios.Started victim;
  private String requestTask;
  private Task dutyTask;
  private Map<String, Object> afterTheOthers;

  @BeforeAll
  void aSegebergCaseWaitingForAProviderAndThingsToAimAt() {
    api = new ApiClient(port);
    state = new CaseState(jdbc);
    cases = new CaseScenarios(api, engine);
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    roles.put("otherCaseworker", "fk-sto-1");
    roles.put("caseworker", "fk-seg-1");
    roles.put("provider", provider);
    roles.put("processOwner", "prozess-1");
    roles.put("head", "al-seg");
    roles.put("coordinator", "koordination-1");
    victim = cases.open(District.SEGEBERG, "fk-seg-1");
    cases.request(victim.reference(), "fk-seg-1", offer.id());
    requestTask = cases.requestOf(provider, victim.reference()).taskId();
    dutyTask = cases.dutyTask(victim.reference(), District.SEGEBERG);
    aimAtTheCase();
    aimAtThrowawayThings(offer.id());
    IdentityService identity = engine.getIdentityService();
    for (String user : roles.values()) {
      identity
          .createGroupQuery()
          .groupMember(user)
          .list()
          .forEach(g -> membershipsBefore.add(user + "/" + g.getId()));
    }
  }

  /** The case's own ids: what an attack that gets through would change. */
  private void aimAtTheCase() {
    var runtime = engine.getRuntimeService();
    String main = victim.processInstanceId();
    String search =
        engine
            .getTaskService()
            .createTaskQuery()
            .taskId(requestTask)
            .singleResult()
            .getProcessInstanceId();
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(search)
            .timers()
            .list()
            .get(0);
    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(main)
            .singleResult()
            .getProcessDefinitionId();
    var decision =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("eligible-categories")
            .latestVersion()
            .singleResult();
    ids.put("main", main);
    ids.put("search", search);
    ids.put("job", timer.getId());
    ids.put("jobDefinition", timer.getJobDefinitionId());
    ids.put("definition", definition);
    ids.put(
        "deployment",
        engine.getRepositoryService().getProcessDefinition(definition).getDeploymentId());
    ids.put("decision", decision.getId());
    ids.put("decisionKey", decision.getKey());
    ids.put(
        "drd",
        decision.getDecisionRequirementsDefinitionId() == null
            ? "none"
            : decision.getDecisionRequirementsDefinitionId());
    ids.put(
        "authorization",
        engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .resourceId(main)
            .groupIdIn(District.SEGEBERG.groupId())
            .list()
            .get(0)
            .getId());
    ids.put(
        "historicVariable",
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(main)
            .variableName(CaseProcess.Vars.ESCALATION_LEVEL)
            .singleResult()
            .getId());
    ids.put(
        "operation",
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .processInstanceId(search)
            .list()
            .get(0)
            .getOperationId());
    ids.put(
        "incident",
        runtime
            .createIncident("it-matrix", dutyTask.getExecutionId(), "aimed at by the matrix")
            .getId());
    ids.put(
        "taskComment",
        engine
            .getTaskService()
            .createComment(dutyTask.getId(), dutyTask.getProcessInstanceId(), "Kommentar")
            .getId());
    ids.put(
        "instanceComment", engine.getTaskService().createComment(null, main, "Kommentar").getId());
    ids.put(
        "batch",
        engine.getManagementService().setJobRetriesAsync(List.of(timer.getId()), 3).getId());
    ids.put("otherGroup", District.STORMARN.groupId());
  }

  /**
   * Users, groups, tenants and filters created for the matrix, so an open delete harms nothing
   * else.
   */
  private void aimAtThrowawayThings(long n) {
    IdentityService identity = engine.getIdentityService();
    String user = fixtures.user("it-matrix-user-" + n);
    Group group = identity.newGroup("it-matrix-group-" + n);
    group.setName("Matrix");
    identity.saveGroup(group);
    var tenant = identity.newTenant("it-matrix-tenant-" + n);
    tenant.setName("Matrix");
    identity.saveTenant(tenant);
    Filter filter = engine.getFilterService().newTaskFilter("it-matrix-" + n);
    engine.getFilterService().saveFilter(filter);
    ids.put("user", user);
    ids.put("group", group.getId());
    ids.put("tenant", tenant.getId());
    ids.put("filter", filter.getId());
  }

  @AfterAll
  void giveBackWhatOpenCellsChanged() {
    IdentityService identity = engine.getIdentityService();
    Set<String> now = new HashSet<>();
    for (String user : roles.values()) {
      for (Group group : identity.createGroupQuery().groupMember(user).list()) {
        now.add(user + "/" + group.getId());
        if (!membershipsBefore.contains(user + "/" + group.getId())) {
          identity.deleteMembership(user, group.getId());
        }
      }
    }
    membershipsBefore.stream()
        .filter(m -> !now.contains(m))
        .forEach(m -> identity.createMembership(m.split("/")[0], m.split("/")[1]));
    engine
        .getFilterService()
        .createFilterQuery()
        .filterName("Accounting Tasks")
        .list()
        .forEach(f -> engine.getFilterService().deleteFilter(f.getId()));
  }

  /** One operation of the API. */
  record Operation(String method, String path, boolean multipart, JsonNode example) {}

  /** One cell: a role sent an operation and got this status. */
  record Cell(String role, Operation operation, int status, String body) {
    boolean open() {
      return status >= 200 && status < 300;
    }

    String key() {
      return role + " " + operation.method() + " " + operation.path();
    }
  }

  @Test
  void noRoleOpensAnEngineWriteBeyondTheListedCells() throws IOException {
    // Given every write operation of the API and the case as it is
    List<Operation> operations = operations();
    Map<String, Object> before = state.of(victim.reference());
    long started = System.nanoTime();

    // When every role sends every operation, the ones that lawfully change the case last
    List<Cell> cells = new ArrayList<>();
    for (boolean last : List.of(false, true)) {
      if (last) {
        afterTheOthers = state.of(victim.reference());
      }
      for (var role : roles.entrySet()) {
        for (Operation operation : operations) {
          if (LAST.contains(operation.method() + " " + operation.path()) == last) {
            cells.add(send(role.getKey(), role.getValue(), operation));
          }
        }
      }
      if (!last) {
        for (String role : List.of("caseworker", "coordinator")) {
          for (Operation operation : operations) {
            if (!operation.multipart()
                && !"DELETE".equals(operation.method())
                && !LAST.contains(operation.method() + " " + operation.path())) {
              for (String body : UNREADABLE) {
                String path = cases.engineRest() + fill(operation.path(), role, roles.get(role));
                ApiClient.Reply reply =
                    api.as(roles.get(role)).send(operation.method(), path, body);
                cells.add(new Cell(role, operation, reply.status(), reply.body()));
              }
            }
          }
        }
      }
    }

    // Then no cell is open that the list does not name, and the others left the case as it was
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    Set<String> allowed = listed("engine-rest-open-cells.txt");
    Set<String> serverErrorsAllowed = listed("engine-rest-server-errors.txt");
    String summary = summary(cells, operations.size(), seconds);
    Files.writeString(Path.of("target", "engine-rest-write-matrix.txt"), summary + details(cells));
    LOG.info("Engine REST write matrix:\n{}", summary);
    List<String> opened =
        cells.stream()
            .filter(Cell::open)
            .filter(
                c ->
                    !allowed.contains(c.key())
                        && !allowed.contains(
                            "* " + c.operation().method() + " " + c.operation().path()))
            .map(c -> c.key() + " -> " + c.status() + " " + abbreviate(c.body()))
            .toList();
    // whatever a role sends, the answer is a 2xx or a 4xx that says what is wrong: a 5xx is ours to
    // map (EngineRestConfiguration), unless the list names it with the reason it is no user's doing
    List<String> serverErrors =
        cells.stream()
            .filter(c -> c.status() >= 500)
            .filter(
                c ->
                    !serverErrorsAllowed.contains(c.key())
                        && !serverErrorsAllowed.contains(
                            "* " + c.operation().method() + " " + c.operation().path()))
            .map(c -> c.key() + " -> " + c.status() + " " + abbreviate(c.body()))
            .toList();
    SoftAssertions.assertSoftly(
        then -> {
          then.assertThat(opened)
              .as("open cells not listed in security/engine-rest-open-cells.txt\n%s", summary)
              .isEmpty();
          then.assertThat(serverErrors)
              .as("5xx cells not listed in security/engine-rest-server-errors.txt\n%s", summary)
              .isEmpty();
          then.assertThat(afterTheOthers)
              .as("the case after every cell but claiming and giving back")
              .isEqualTo(before);
        });
  }

  private Cell send(String role, String user, Operation operation) {
    String path = cases.engineRest() + fill(operation.path(), role, user);
    if (operation.multipart()) {
      ApiClient.Reply reply = Multipart.forPath(operation.path()).send(port, user, path);
      return new Cell(role, operation, reply.status(), reply.body());
    }
    String body =
        operation.example() == null
            ? "{}"
            : aim(operation.example().deepCopy(), role, user).toString();
    ApiClient.Reply reply =
        api.as(user)
            .send(operation.method(), path, "DELETE".equals(operation.method()) ? null : body);
    return new Cell(role, operation, reply.status(), reply.body());
  }

  /**
   * Every write operation, DELETEs last (a delete that gets through would hide what the others do).
   */
  private static List<Operation> operations() throws IOException {
    JsonNode api;
    try (InputStream in = EngineRestWriteMatrixIT.class.getResourceAsStream("/openapi.json")) {
      assertThat(in)
          .as("openapi.json of camunda-engine-rest-openapi on the test classpath")
          .isNotNull();
      api = JSON.readTree(in);
    }
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        paths.hasNext(); ) {
      var path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        var method = methods.next();
        if (WRITES.contains(method.getKey())) {
          JsonNode content = method.getValue().path("requestBody").path("content");
          operations.add(
              new Operation(
                  method.getKey().toUpperCase(),
                  path.getKey(),
                  content.has("multipart/form-data"),
                  firstExample(content)));
        }
      }
    }
    operations.sort(Comparator.comparing((Operation o) -> "DELETE".equals(o.method())));
    return operations;
  }

  private static JsonNode firstExample(JsonNode content) {
    for (JsonNode type : content) {
      for (JsonNode example : type.path("examples")) {
        if (example.has("value")) {
          return example.get("value");
        }
      }
    }
    return null;
  }

  /**
   * Path parameters: the case's ids, the role's own task and user, throwaway users, groups, tenants
   * and filters.
   */
  private String fill(String path, String role, String user) {
    Task task =
        "provider".equals(role)
            ? engine.getTaskService().createTaskQuery().taskId(requestTask).singleResult()
            : dutyTask;
    String[] segments = path.split("/");
    String resource = segments[1].equals("history") ? "history/" + segments[2] : segments[1];
    Matcher parameters = PARAMETER.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (parameters.find()) {
      String value =
          switch (parameters.group(1)) {
            case "id" -> idOf(resource, path, task);
            case "key" ->
                resource.startsWith("decision") ? ids.get("decisionKey") : CaseProcess.KEY;
            case "tenant-id" -> ids.get("tenant");
            case "varName" -> CaseProcess.Vars.ESCALATION_LEVEL;
            case "userId" -> user;
            case "groupId" -> ids.get("otherGroup");
            case "operationId" -> ids.get("operation");
            case "commentId" ->
                resource.equals("task") ? ids.get("taskComment") : ids.get("instanceComment");
            case "messageName" -> CaseProcess.Messages.PLACE_FOUND_BY_PHONE;
            default -> "none";
          };
      parameters.appendReplacement(
          filled, Matcher.quoteReplacement(value == null ? "none" : value));
    }
    parameters.appendTail(filled);
    return filled.toString();
  }

  private String idOf(String resource, String path, Task task) {
    return switch (resource) {
      case "task" -> task == null ? "none" : task.getId();
      case "execution" -> task == null ? "none" : task.getExecutionId();
      case "process-instance", "history/process-instance" -> ids.get("main");
      case "job" -> ids.get("job");
      case "job-definition" -> ids.get("jobDefinition");
      case "process-definition" -> ids.get("definition");
      case "decision-definition" -> ids.get("decision");
      case "decision-requirements-definition" -> ids.get("drd");
      case "deployment" -> ids.get("deployment");
      case "authorization" -> ids.get("authorization");
      case "history/variable-instance" -> ids.get("historicVariable");
      case "batch", "history/batch" -> ids.get("batch");
      case "incident" -> ids.get("incident");
      case "filter" -> ids.get("filter");
      case "user" -> ids.get("user");
      // joining a group is aimed at another office's group; changing or deleting one at a throwaway
      // group
      case "group" -> path.contains("/members/") ? ids.get("otherGroup") : ids.get("group");
      case "tenant" -> ids.get("tenant");
      default -> "none";
    };
  }

  /**
   * The example body with its obvious ids replaced by the case's (and the caller's own user id);
   * the examples' dates of a later execution are malformed, so those calls act at once.
   */
  private JsonNode aim(JsonNode node, String role, String user) {
    if (node instanceof ObjectNode object) {
      object.remove("executionDate");
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        var field = fields.next();
        String replacement = replacement(field.getKey(), role, user);
        if (replacement != null && field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(replacement));
        } else if (replacement != null && field.getValue().isArray()) {
          ArrayNode array = (ArrayNode) field.getValue();
          array.removeAll();
          array.add(replacement);
        } else {
          aim(field.getValue(), role, user);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> aim(element, role, user));
    }
    return node;
  }

  private String replacement(String key, String role, String user) {
    Task task =
        "provider".equals(role)
            ? engine.getTaskService().createTaskQuery().taskId(requestTask).singleResult()
            : dutyTask;
    return switch (key) {
      case "processInstanceId", "processInstanceIds", "rootProcessInstanceId" -> ids.get("main");
      case "processDefinitionId", "sourceProcessDefinitionId", "targetProcessDefinitionId" ->
          ids.get("definition");
      case "processDefinitionKey" -> CaseProcess.KEY;
      case "taskId", "taskIds" -> task == null ? "none" : task.getId();
      case "executionId", "executionIds" -> task == null ? "none" : task.getExecutionId();
      case "jobId", "jobIds" -> ids.get("job");
      case "jobDefinitionId" -> ids.get("jobDefinition");
      case "deploymentId" -> ids.get("deployment");
      case "userId", "assignee", "owner" -> user;
      case "groupId" -> ids.get("otherGroup");
      default -> null;
    };
  }

  /** The cells a list in {@code security/} names, without its comments. */
  private static Set<String> listed(String file) throws IOException {
    try (InputStream in = EngineRestWriteMatrixIT.class.getResourceAsStream("/security/" + file)) {
      assertThat(in).as("security/" + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(l -> l.replaceAll("#.*", "").trim())
          .filter(l -> !l.isEmpty())
          .map(l -> String.join(" ", l.split("\\s+")))
          .collect(Collectors.toSet());
    }
  }

  private String summary(List<Cell> cells, int operations, long seconds) {
    StringBuilder text =
        new StringBuilder(
            "%d write operations x %d roles, and unreadable bodies = %d cells in %d s%n"
                .formatted(operations, roles.size(), cells.size(), seconds));
    Map<String, Map<String, Long>> byRole = new TreeMap<>();
    for (Cell cell : cells) {
      String kind = cell.open() ? "open" : cell.status() >= 500 ? "error" : "closed";
      byRole.computeIfAbsent(cell.role(), r -> new TreeMap<>()).merge(kind, 1L, Long::sum);
    }
    byRole.forEach((role, counts) -> text.append("  %-16s %s%n".formatted(role, counts)));
    cells.stream()
        .filter(Cell::open)
        .forEach(
            c ->
                text.append("  OPEN ")
                    .append(c.key())
                    .append(" -> ")
                    .append(c.status())
                    .append('\n'));
    // a 5xx is closed, but the engine may have run the command and failed only on its own checks:
    // read each
    cells.stream()
        .filter(c -> c.status() >= 500)
        .forEach(
            c ->
                text.append("  ERROR ")
                    .append(c.key())
                    .append(" -> ")
                    .append(c.status())
                    .append(' ')
                    .append(abbreviate(c.body()))
                    .append('\n'));
    return text.toString();
  }

  private static String details(List<Cell> cells) {
    return cells.stream()
        .map(c -> "%s %d %s".formatted(c.key(), c.status(), abbreviate(c.body())))
        .collect(Collectors.joining("\n", "\n", "\n"));
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
