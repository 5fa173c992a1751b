// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What process owners may do to the engine beyond deploying models (issue #15): their deployment
 * and definition rights must not reach a running case, neither by deleting what it runs in nor by a
 * model's expressions.
 */
@KsiIntegrationTest
class ProcessOwnerAttackIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private ApiClient api;
  private CaseScenarios cases;
  private CaseState state;

  @BeforeEach
  void api() {
    api = new ApiClient(port);
    cases = new CaseScenarios(api, engine);
    state = new CaseState(jdbc);
  }

  @Test
  void aProcessOwnerCannotDeleteADeploymentTogetherWithTheCasesRunningInIt() {
    // Given a deployment with a running instance
    var repository = engine.getRepositoryService();
    String deployment =
        repository
            .createDeployment()
            .name("it-running")
            .addString(
                "running.bpmn",
                """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Running" targetNamespace="http://ksi.de/it">
          <bpmn:process id="it-running" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Running" />
            <bpmn:sequenceFlow id="Flow_Wait" sourceRef="StartEvent_Running" targetRef="Task_Wait" />
            <bpmn:userTask id="Task_Wait" />
          </bpmn:process>
        </bpmn:definitions>""")
            .deploy()
            .getId();
    String running = engine.getRuntimeService().startProcessInstanceByKey("it-running").getId();

    // When a process owner deletes the deployment with its instances
    var deleted =
        api.as("prozess-1")
            .send(
                "DELETE", cases.engineRest() + "/deployment/" + deployment + "?cascade=true", null);

    // Then it is refused and the instance still runs
    try {
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(403);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(running)
                  .count())
          .isOne();
    } finally {
      if (repository.createDeploymentQuery().deploymentId(deployment).count() == 1) {
        repository.deleteDeployment(deployment, true);
      }
    }
  }

  @Test
  void aProcessOwnersModelCannotReachIntoACaseThroughAnExpression() {
    // Given a running Segeberg case
    CaseScenarios.Started target = cases.open(District.SEGEBERG, "fk-seg-1");
    Map<String, Object> before = state.of(target.reference());
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Reach" targetNamespace="http://ksi.de/it">
          <bpmn:process id="it-reach" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Reach"><bpmn:timerEventDefinition id="Timer_Reach">
              <bpmn:timeCycle>R1/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_Reach" sourceRef="StartEvent_Reach" targetRef="ServiceTask_Reach" />
            <bpmn:serviceTask id="ServiceTask_Reach" camunda:expression="${execution.getProcessEngineServices()
              .getRuntimeService().setVariable('%s', 'office', 'PINNEBERG')}" />
          </bpmn:process>
        </bpmn:definitions>"""
            .formatted(target.processInstanceId());

    // When a process owner deploys a model whose expression writes into the case, and its timer
    // fires
    var deployed =
        new Multipart(Map.of("deployment-name", "it-reach"), "reach.bpmn", "reach.bpmn", model)
            .send(port, "prozess-1", cases.engineRest() + "/deployment/create");
    try {
      if (deployed.status() == 200) {
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey("it-reach")
            .list()
            .forEach(job -> engine.getManagementService().executeJob(job.getId()));
      }

      // Then the model is refused at deployment, and the case is unchanged
      assertThat(state.of(target.reference())).as("the case after the model ran").isEqualTo(before);
      assertThat(deployed.status()).as(deployed.body()).isIn(400, 403);
    } finally {
      engine
          .getRepositoryService()
          .createDeploymentQuery()
          .deploymentName("it-reach")
          .list()
          .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }
  }
}
