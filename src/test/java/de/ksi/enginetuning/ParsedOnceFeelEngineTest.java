// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.junit.jupiter.api.Test;

/**
 * Our decision tables decide the same with the engine that parses each FEEL expression once as with
 * Camunda's own, for every combination of their inputs, and a second evaluation parses nothing.
 */
class ParsedOnceFeelEngineTest {

  private static final String[] GENDERS = {"FEMALE", "MALE", "DIVERSE"};
  private static final String[] GROUNDS = {"NR1_SELBSTMELDUNG", "NR2_DRINGENDE_GEFAHR", "NR3_UMA"};

  private final DmnEngine camunda =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DefaultDmnEngineConfiguration parsedOnceConfiguration = parsedOnce();
  private final DmnEngine parsedOnce = parsedOnceConfiguration.buildEngine();

  /**
   * feel-scala 1.19.3 (what Camunda 7.24.0 brings) built its table of built-in functions anew for
   * every expression it evaluated, about a third of an intake's CPU time; from 1.19.5 the engine
   * holds it as a field built once (camunda/feel-scala#1108). The pom pins 1.19.5: this fails if a
   * change of the Camunda version or of the pom brings the slow one back.
   */
  @Test
  void theFeelEngineBuildsItsBuiltInFunctionsOnceNotForEveryExpression() throws Exception {
    assertThat(FeelEngine.class.getDeclaredField("rootContext").getType())
        .isEqualTo(EvalContext.class);
  }

  @Test
  void theEligibleCategoriesAreTheSameForEveryChild() throws IOException {
    DmnModelInstance model = model("eligible-categories.dmn");
    DmnDecision ours = parsedOnce.parseDecision("eligible-categories", model);
    DmnDecision theirs = camunda.parseDecision("eligible-categories", model);
    int compared = 0;
    for (int age = 0; age <= 27; age++) {
      for (String gender : GENDERS) {
        for (String ground : GROUNDS) {
          for (int needs = 0; needs < 8; needs++) {
            VariableMap child =
                Variables.createVariables()
                    .putValue("age", age)
                    .putValue("gender", gender)
                    .putValue("legalGround", ground)
                    .putValue("needInfant", (needs & 1) != 0)
                    .putValue("needSecretLocation", (needs & 2) != 0)
                    .putValue("needPregnancy", (needs & 4) != 0);
            assertThat(parsedOnce.evaluateDecisionTable(ours, child).getResultList())
                .as("%s", child)
                .isEqualTo(camunda.evaluateDecisionTable(theirs, child).getResultList());
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(28 * 3 * 3 * 8);
  }

  @Test
  void theDeadlinesAreTheSameForEveryUrgency() throws IOException {
    DmnModelInstance model = model("escalation-deadlines.dmn");
    DmnDecision ours = parsedOnce.parseDecision("escalation-deadlines", model);
    DmnDecision theirs = camunda.parseDecision("escalation-deadlines", model);
    for (String urgency : new String[] {"IMMEDIATE", "TODAY", "PLANNED", "UNKNOWN"}) {
      VariableMap input = Variables.createVariables().putValue("urgency", urgency);
      assertThat(parsedOnce.evaluateDecisionTable(ours, input).getResultList())
          .as(urgency)
          .isEqualTo(camunda.evaluateDecisionTable(theirs, input).getResultList());
    }
  }

  @Test
  void aSecondEvaluationParsesNothingNew() throws IOException {
    DmnModelInstance model = model("eligible-categories.dmn");
    DmnDecision decision = parsedOnce.parseDecision("eligible-categories", model);
    VariableMap girl =
        Variables.createVariables()
            .putValue("age", 15)
            .putValue("gender", "FEMALE")
            .putValue("legalGround", "NR2_DRINGENDE_GEFAHR")
            .putValue("needInfant", false)
            .putValue("needSecretLocation", true)
            .putValue("needPregnancy", false);
    List<Map<String, Object>> first =
        parsedOnce.evaluateDecisionTable(decision, girl).getResultList();
    int parsed = feel().parsedExpressions();

    List<Map<String, Object>> again =
        parsedOnce.evaluateDecisionTable(decision, girl).getResultList();

    assertThat(parsed).as("input and output entries held parsed").isGreaterThan(5);
    assertThat(feel().parsedExpressions()).isEqualTo(parsed);
    assertThat(again).isEqualTo(first).isNotEmpty();
  }

  @Test
  void aBrokenExpressionFailsAsWithCamundasEngineEveryTime() throws IOException {
    DmnModelInstance model = model("escalation-deadlines.dmn");
    model.getModelElementsByType(Text.class).stream()
        .filter(t -> "\"IMMEDIATE\"".equals(t.getTextContent()))
        .forEach(t -> t.setTextContent("\"IMMEDIATE"));
    DmnDecision ours = parsedOnce.parseDecision("escalation-deadlines", model);
    DmnDecision theirs = camunda.parseDecision("escalation-deadlines", model);
    VariableMap input = Variables.createVariables().putValue("urgency", "IMMEDIATE");
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> parsedOnce.evaluateDecisionTable(ours, input))
          .satisfies(e -> messages.add(e.getMessage()));
    }
    assertThatThrownBy(() -> camunda.evaluateDecisionTable(theirs, input))
        .hasMessage(messages.get(0));
    assertThat(messages.get(1)).isEqualTo(messages.get(0));
  }

  private ParsedOnceFeelEngine feel() {
    Object scala = parsedOnceConfiguration.getFeelEngine();
    try {
      var field =
          org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine.class.getDeclaredField("feelEngine");
      field.setAccessible(true);
      return (ParsedOnceFeelEngine) field.get(scala);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DefaultDmnEngineConfiguration parsedOnce() {
    var configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new ParsedOnceFeelPlugin.Factory());
    return configuration;
  }

  private static DmnModelInstance model(String file) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("bpmn", file))) {
      return Dmn.readModelFromStream(in);
    }
  }
}
