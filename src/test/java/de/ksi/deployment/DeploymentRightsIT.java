// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import static de.ksi.deployment.Deployments.process;
import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.audit.AuditLog;
import de.ksi.network.Groups;
import de.ksi.security.IdentitySetup;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deployments are reversible, running cases are not deletable by process owners: checked by effect
 * (the instance still runs, nothing is suspended, the time to live is unchanged), and the
 * administrator's way with a reason.
 */
@KsiIntegrationTest
class DeploymentRightsIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuditLog audit;
  @Autowired IdentitySetup identitySetup;

  private ApiClient api;
  private String key;
  private String deploymentId;
  private ProcessDefinition definition;
  private ProcessInstance running;

  @BeforeEach
  void aDeploymentWithARunningCase() {
    api = new ApiClient(port);
    key = "it-rights-" + UUID.randomUUID().toString().substring(0, 8);
    deploymentId =
        deploy(
            key,
            """
        <bpmn:startEvent id="StartEvent_Go"/>
        <bpmn:sequenceFlow id="Flow_Wait" sourceRef="StartEvent_Go" targetRef="Task_Wait"/>
        <bpmn:userTask id="Task_Wait" camunda:candidateGroups="koordinierungsstelle"/>
        <bpmn:boundaryEvent id="BoundaryEvent_Late" attachedToRef="Task_Wait"><bpmn:timerEventDefinition>
          <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="Flow_Late" sourceRef="BoundaryEvent_Late" targetRef="EndEvent_Done"/>
        <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_Wait" targetRef="EndEvent_Done"/>
        <bpmn:endEvent id="EndEvent_Done"/>
        """);
    definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deploymentId)
            .singleResult();
    running = engine.getRuntimeService().startProcessInstanceByKey(key, "IT-" + key.substring(10));
  }

  @Test
  void aProcessOwnerCannotCascadeDeleteNorDeleteADeploymentWithRunningCases() {
    ApiClient.Reply cascade =
        api.as("prozess-1")
            .send("DELETE", rest("/deployment/" + deploymentId + "?cascade=true"), null);
    ApiClient.Reply plain =
        api.as("prozess-1").send("DELETE", rest("/deployment/" + deploymentId), null);

    assertThat(cascade.status()).isEqualTo(403);
    assertThat(cascade.body()).contains("CASCADE_DELETE");
    assertThat(plain.status()).isEqualTo(403);
    assertThat(plain.body()).contains("DELETE_WITH_RUNNING_CASES");
    stillRunningAsBefore();
  }

  @Test
  void aProcessOwnerCannotSuspendDefinitionsJobDefinitionsOrInstances() {
    var owner = api.as("prozess-1");
    int definitionSuspended = suspendOverEngineRest("prozess-1", true).status();
    int jobsSuspended =
        owner
            .put(
                rest("/job-definition/suspended"),
                "{\"processDefinitionId\": \""
                    + definition.getId()
                    + "\", \"suspended\": true, \"includeJobs\": true}")
            .status();
    int instanceSuspended =
        owner
            .put(
                rest("/process-instance/" + running.getId() + "/suspended"),
                "{\"suspended\": true}")
            .status();

    assertThat(definitionSuspended).isEqualTo(403);
    assertThat(jobsSuspended).isEqualTo(403);
    assertThat(instanceSuspended).isEqualTo(403);
    stillRunningAsBefore();
  }

  @Test
  void aProcessOwnerCannotChangeHistoryTimeToLiveNorDeleteDefinitions() {
    DecisionDefinition deadlines =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("escalation-deadlines")
            .latestVersion()
            .singleResult();
    var owner = api.as("prozess-1");

    int processTtl = ttlZeroOverEngineRest("prozess-1", "process-definition", definition.getId());
    int decisionTtl = ttlZeroOverEngineRest("prozess-1", "decision-definition", deadlines.getId());
    int deleted =
        owner
            .send(
                "DELETE", rest("/process-definition/" + definition.getId() + "?cascade=true"), null)
            .status();

    assertThat(processTtl).isEqualTo(403);
    assertThat(decisionTtl).isEqualTo(403);
    assertThat(deleted).isEqualTo(403);
    assertThat(storedDefinition().getHistoryTimeToLive()).isEqualTo(180);
    assertThat(
            engine
                .getRepositoryService()
                .getDecisionDefinition(deadlines.getId())
                .getHistoryTimeToLive())
        .isEqualTo(180);
    stillRunningAsBefore();
  }

  @Test
  void aProcessOwnerUndeploysADeploymentWithoutRunningInstances() {
    String unused = deploy(key + "-unused", "<bpmn:startEvent id=\"StartEvent_Go\"/>");

    int status = api.as("prozess-1").send("DELETE", rest("/deployment/" + unused), null).status();

    assertThat(status).isEqualTo(204);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(unused).count())
        .isZero();
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key + "-unused")
                .count())
        .isZero();
  }

  @Test
  void evenAnAdministratorCascadeDeletesOnlyWithAReasonThroughOurApiAndItIsAudited() {
    ApiClient.Reply raw =
        api.as("admin").send("DELETE", rest("/deployment/" + deploymentId + "?cascade=true"), null);
    ApiClient.Reply noReason =
        api.as("admin")
            .send("DELETE", "/api/admin/deployments/" + deploymentId + "?cascade=true", null);
    ApiClient.Reply byOwner =
        api.as("prozess-1")
            .send(
                "DELETE",
                "/api/admin/deployments/"
                    + deploymentId
                    + "?cascade=true&reason=Testlauf%20aufraeumen",
                null);
    assertThat(raw.status()).isEqualTo(403);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(byOwner.status()).isEqualTo(403);
    stillRunningAsBefore();

    var deleted =
        api.as("admin")
            .send(
                "DELETE",
                "/api/admin/deployments/"
                    + deploymentId
                    + "?cascade=true&reason=Fehlerhafte%20Testversion%20entfernt",
                null)
            .expect(200);

    assertThat(deleted.path("endedInstances").asInt()).isEqualTo(1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(running.getId())
                .count())
        .isZero();
    assertThat(
            engine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .count())
        .isZero();
    assertThat(audit.forCase(running.getBusinessKey()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.actor()).isEqualTo("admin");
              assertThat(entry.action()).isEqualTo(AuditLog.Action.DEPLOYMENT_DELETED);
              assertThat(entry.reason()).isEqualTo("Fehlerhafte Testversion entfernt");
              assertThat(entry.detail()).contains(deploymentId, "cascade");
            });
  }

  @Test
  void anAdministratorSuspendsAndChangesHistoryOnlyWithAReasonThroughOurApiAndItIsAudited() {
    String key = definition.getKey();
    ApiClient.Reply rawSuspend = suspendOverEngineRest("admin", false);
    int rawTtl = ttlZeroOverEngineRest("admin", "process-definition", definition.getId());
    ApiClient.Reply noReason =
        api.as("admin").post("/api/admin/process-definitions/" + key + "/suspend");
    assertThat(rawSuspend.status()).as(rawSuspend.body()).isEqualTo(403);
    assertThat(rawSuspend.body()).contains("reason");
    assertThat(rawTtl).isEqualTo(403);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(storedDefinition().isSuspended()).isFalse();
    assertThat(storedDefinition().getHistoryTimeToLive()).isEqualTo(180);

    adminChanges("POST", key + "/suspend?reason=Fehler%20im%20Modell%20gefunden");
    assertThat(storedDefinition().isSuspended()).isTrue();
    adminChanges("POST", key + "/activate?reason=Fehler%20behoben%2C%20weiter");
    adminChanges(
        "PUT", key + "/history-time-to-live?days=365&reason=Aufbewahrung%20laut%20Dienstanweisung");

    assertThat(storedDefinition().isSuspended()).isFalse();
    assertThat(storedDefinition().getHistoryTimeToLive()).isEqualTo(365);
    assertThat(audit.forCase("-"))
        .filteredOn(e -> e.action() == AuditLog.Action.DEFINITION_CHANGED)
        .filteredOn(e -> e.detail().contains(key))
        .extracting(AuditLog.Entry::reason)
        .contains(
            "Fehler im Modell gefunden",
            "Fehler behoben, weiter",
            "Aufbewahrung laut Dienstanweisung");
  }

  @Test
  void anOlderInstallationsProcessOwnerGrantsLoseDefinitionUpdateAndDeleteOnTheNextStart() {
    var authorizations = engine.getAuthorizationService();
    Authorization old = processOwnersDefinitionGrant();
    old.addPermission(Permissions.UPDATE);
    old.addPermission(Permissions.DELETE);
    authorizations.saveAuthorization(old);

    identitySetup.setUpNetworkGroups();

    Authorization now = processOwnersDefinitionGrant();
    assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(now.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(now.isPermissionGranted(Permissions.DELETE)).isFalse();
  }

  private void stillRunningAsBefore() {
    assertThat(
            engine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentId(deploymentId)
                .count())
        .isEqualTo(1);
    ProcessInstance instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(running.getId())
            .singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.isSuspended()).isFalse();
    assertThat(storedDefinition().isSuspended()).isFalse();
    assertThat(
            engine
                .getManagementService()
                .createJobDefinitionQuery()
                .processDefinitionId(definition.getId())
                .list())
        .isNotEmpty()
        .noneMatch(jobDefinition -> jobDefinition.isSuspended());
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(running.getId())
                .singleResult()
                .isSuspended())
        .isFalse();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(running.getId()).count())
        .isEqualTo(1);
  }

  private String deploy(String processKey, String elements) {
    Deployments.Answer answer =
        new Deployments(port, engine.getName())
            .deploy(
                "prozess-1",
                processKey,
                Map.of(processKey + ".bpmn", process(processKey, elements)));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.body().path("id").asText();
  }

  private ProcessDefinition storedDefinition() {
    return engine.getRepositoryService().getProcessDefinition(definition.getId());
  }

  /** Suspends the test's definition through the engine's REST API, as the user. */
  private ApiClient.Reply suspendOverEngineRest(String user, boolean withInstances) {
    return api.as(user)
        .put(
            rest("/process-definition/" + definition.getId() + "/suspended"),
            "{\"suspended\": true, \"includeProcessInstances\": " + withInstances + "}");
  }

  /** Sets a definition's history time to live to 0 through the engine's REST API; the status. */
  private int ttlZeroOverEngineRest(String user, String resource, String id) {
    return api.as(user)
        .put(
            rest("/" + resource + "/" + id + "/history-time-to-live"), "{\"historyTimeToLive\": 0}")
        .status();
  }

  /** A change of a process definition through our administration API, with its reason. */
  private void adminChanges(String method, String pathAndReason) {
    api.as("admin").send(method, "/api/admin/process-definitions/" + pathAndReason, "").expect(200);
  }

  private Authorization processOwnersDefinitionGrant() {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .groupIdIn(Groups.PROCESS_OWNERS)
        .resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("*")
        .singleResult();
  }

  private String rest(String path) {
    return "/engine-rest/engine/" + engine.getName() + path;
  }
}
