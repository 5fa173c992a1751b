// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.deployment.Violation.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model and form we ship keeps to the policy; the less obvious ways around it are refused.
 */
class DeploymentPolicyTest {

  private static final Set<String> DELEGATES =
      Set.of(
          "intake",
          "escalate",
          "recordPlacement",
          "recordEmergencyMeasure",
          "handOver",
          "closeCase",
          "startSearch",
          "searchInputs",
          "findCandidates",
          "recordPhonePlacement",
          "placeHolds",
          "prepareRequest",
          "requestTaskCreated",
          "acceptRequest",
          "declineRequest",
          "expireRequest",
          "withdrawRequests",
          "dutyDeadlinesDelegate",
          "distributionExclusionDelegate",
          "objectionDecisionCheck",
          "distributionAssessmentCheck",
          "expectArrival",
          "arrivalTaskCreated",
          "recordArrival",
          "remindArrival");

  private static final String FEEL = "http://www.omg.org/spec/FEEL/20140401";

  static Stream<Path> shipped() throws IOException {
    return Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedFileKeepsToThePolicy(Path file) throws IOException {
    assertThat(policy(FEEL).check(file.getFileName().toString(), Files.readAllBytes(file)))
        .isEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "a class in the legacy activiti namespace",
            FEEL,
            bpmn(
                "<bpmn:serviceTask id=\"ServiceTask_Do\" "
                    + "xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"java.lang.Runtime\"/>"),
            Rule.JAVA_CLASS),
        Arguments.of(
            "a method call in a task name",
            FEEL,
            bpmn("<bpmn:userTask id=\"Task_Do\" name=\"${task.delete()}\"/>"),
            Rule.EXPRESSION),
        Arguments.of(
            "a script input parameter",
            FEEL,
            bpmn(
                "<bpmn:userTask id=\"Task_Do\"><bpmn:extensionElements>"
                    + "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1"
                    + "</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>"),
            Rule.SCRIPT),
        Arguments.of(
            "a delegate field with an expression",
            FEEL,
            bpmn(
                "<bpmn:serviceTask id=\"ServiceTask_Do\" "
                    + "camunda:delegateExpression=\"${escalate}\"><bpmn:extensionElements><camunda:field name=\"x\">"
                    + "<camunda:expression>${execution.getProcessEngine()}</camunda:expression></camunda:field>"
                    + "</bpmn:extensionElements></bpmn:serviceTask>"),
            Rule.EXPRESSION),
        Arguments.of(
            "an embedded HTML form",
            FEEL,
            bpmn(
                "<bpmn:userTask id=\"Task_Do\" "
                    + "camunda:formKey=\"embedded:deployment:evil.html\"/>"),
            Rule.FORM_KEY),
        Arguments.of(
            "a legacy task type",
            FEEL,
            bpmn("<bpmn:serviceTask id=\"ServiceTask_Do\" camunda:type=\"shell\"/>"),
            Rule.EXTERNAL_TASK),
        Arguments.of(
            "a signal start event",
            FEEL,
            bpmn(
                "<bpmn:startEvent id=\"StartEvent_Signal\">"
                    + "<bpmn:signalEventDefinition/></bpmn:startEvent>"),
            Rule.START_EVENT),
        Arguments.of(
            "a DOCTYPE with an entity",
            FEEL,
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><x>&e;</x>",
            Rule.XML),
        Arguments.of(
            "a table without language on an engine whose default is JUEL",
            "juel",
            new String(readShipped("bpmn/escalation-deadlines.dmn")),
            Rule.DMN_FEEL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refuses(String name, String dmnDefault, String content, Rule rule) {
    String file = content.contains("decisionTable") ? "x.dmn" : "x.bpmn";

    assertThat(policy(dmnDefault).check(file, content.getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::rule)
        .contains(rule);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "[Fall](https://example.org/{{caseReference}})",
            "[Fall](/faelle/{{caseReference}}?x=https://example.org)",
        "[Fall](/api/cases/{{caseReference}}/identity)",
            "[Fall](//example.org/faelle/{{caseReference}})",
        "<a href=\"/faelle/{{caseReference}}\">Fall</a>"
      })
  void aFormLinksOnlyToOurOwnCasePagesByTheCaseReference(String text) {
    assertThat(policy(FEEL).check("x.form", form(text)))
        .extracting(Violation::rule)
        .contains(Rule.FORM);
    assertThat(
            policy(FEEL)
                .check(
                    "x.form",
                    form(
                        "[Fallansicht](/faelle/{{caseReference}}) und "
                            + "[Aufnahme](/aufnahme/{{caseReference}})")))
        .isEmpty();
  }

  @Test
  void aFormOffersOnlyOutcomesAndMeasuresTheServerKnows() throws IOException {
    byte[] shipped = Files.readAllBytes(Path.of("forms", "beendigung.form"));
    String withNewOutcome =
        new String(shipped, StandardCharsets.UTF_8)
            .replaceFirst("\"value\": \"OTHER\"", "\"value\": \"ADOPTED\"");
    assertThat(
            policy(FEEL).check("beendigung.form", withNewOutcome.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(
            violation ->
                assertThat(violation.message())
                    .contains("option \"ADOPTED\" of \"outcome\" is not known to the server")
                    .contains("RETURN_HOME"));
    String measure =
        "{\"id\": \"x\", \"components\": [{\"id\": \"M\", \"type\": \"radio\", \"key\":"
            + " \"emergencyMeasure\", \"values\": [{\"label\": \"Hotel\", \"value\": \"HOTEL\"},"
            + " {\"label\": \"Notbett\", \"value\": \"NOTBETT\"}]}]}";
    assertThat(policy(FEEL).check("x.form", measure.getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::message)
        .singleElement()
        .asString()
        .contains("\"HOTEL\" of \"emergencyMeasure\"");
  }

  private static byte[] form(String text) {
    String json =
        "{\"id\": \"x\", \"components\": [{\"id\": \"T\", \"type\": \"text\", \"text\": "
            + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text).toString()
            + "}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void admitsATimerStartEventInAnEventSubprocessAndOneTheConfigurationNames() {
    String model =
        bpmn(
            """
        <bpmn:startEvent id="StartEvent_Nightly"><bpmn:timerEventDefinition/></bpmn:startEvent>
        <bpmn:subProcess id="SubProcess_Reminder" triggeredByEvent="true">
          <bpmn:startEvent id="StartEvent_Remind"><bpmn:timerEventDefinition/></bpmn:startEvent>
        </bpmn:subProcess>""");
    DeploymentPolicy configured =
        new DeploymentPolicy(
            () -> DELEGATES, Set.of("p:StartEvent_Nightly"), () -> new DmnRules(defaults(FEEL)));

    assertThat(configured.check("p.bpmn", model.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(policy(FEEL).check("p.bpmn", model.getBytes(StandardCharsets.UTF_8)))
        .extracting(Violation::elementId)
        .containsExactly("StartEvent_Nightly");
  }

  private static DeploymentPolicy policy(String dmnDefault) {
    return new DeploymentPolicy(
        () -> DELEGATES, Set.of(), () -> new DmnRules(defaults(dmnDefault)));
  }

  private static Map<String, String> defaults(String language) {
    Map<String, String> defaults = new HashMap<>();
    for (String kind :
        new String[] {
          "inputExpression", "inputEntry", "outputEntry", "defaultOutputEntry", "literalExpression"
        }) {
      defaults.put(kind, language);
    }
    return defaults;
  }

  private static String bpmn(String elements) {
    return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><bpmn:process id=\"p\" isExecutable=\"true\">"
        + elements
        + "</bpmn:process></bpmn:definitions>";
  }

  private static byte[] readShipped(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
