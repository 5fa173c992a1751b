// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess.Vars;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both decision tables of the case ({@code bpmn/eligible-categories.dmn}, {@code
 * bpmn/escalation-deadlines.dmn}), evaluated by Camunda's DMN engine: what each profile gets, and
 * every rule of each table matched by some test.
 */
class DecisionTablesTest {

  private static final String CATEGORIES = "bpmn/eligible-categories.dmn";
  private static final String DEADLINES = "bpmn/escalation-deadlines.dmn";
  private static final Set<String> MATCHED = new TreeSet<>();
  private static final DmnEngine DMN = engine();

  @ParameterizedTest(name = "age {0}, {1}, {2}, infant {3}, secret {4}, pregnant {5}: {6}")
  @CsvSource(
      delimiter = ';',
      value = {
        "3;  MALE;   NR2_DRINGENDE_GEFAHR; false; false; false; KLEINKIND_NOTAUFNAHME,BEREITSCHAFTSPFLEGE",
        "8;  FEMALE; NR1_SELBSTMELDUNG;    true;  false; false; KLEINKIND_NOTAUFNAHME,BEREITSCHAFTSPFLEGE,INOBHUTNAHME_GRUPPE",
        "13; FEMALE; NR2_DRINGENDE_GEFAHR; false; true;  false; MAEDCHENSCHUTZ,INOBHUTNAHME_GRUPPE,MAEDCHENSCHUTZ",
        "15; MALE;   NR3_UMA;              false; false; false; CLEARING_UMA,INOBHUTNAHME_GRUPPE,JUGENDSCHUTZ_KRISENWOHNUNG",
        "16; FEMALE; NR2_DRINGENDE_GEFAHR; false; false; true;  INOBHUTNAHME_GRUPPE,MAEDCHENSCHUTZ,JUGENDSCHUTZ_KRISENWOHNUNG,MUTTER_KIND_19",
        "17; DIVERSE; NR2_DRINGENDE_GEFAHR; false; false; false; INOBHUTNAHME_GRUPPE,JUGENDSCHUTZ_KRISENWOHNUNG"
      })
  void eachProfileGetsThePlaceCategoriesThatFitItInOrderOfPrecedence(
      int age,
      String gender,
      String ground,
      boolean infant,
      boolean secret,
      boolean pregnant,
      String expected) {
    Map<String, Object> profile = new HashMap<>();
    profile.put(Vars.AGE, age);
    profile.put(Vars.GENDER, gender);
    profile.put(Vars.LEGAL_GROUND, ground);
    profile.put(Vars.NEED_INFANT, infant);
    profile.put(Vars.NEED_SECRET_LOCATION, secret);
    profile.put(Vars.NEED_PREGNANCY, pregnant);

    DmnDecisionResult result = DMN.evaluateDecision(decision(CATEGORIES), profile);

    assertThat(result.collectEntries("category")).containsExactly((Object[]) expected.split(","));
  }

  @ParameterizedTest(name = "{0}: district {1}, network {2}, answer {3}")
  @CsvSource({
    "IMMEDIATE, PT30M, PT60M, PT15M",
    "TODAY, PT2H, PT4H, PT1H",
    "PLANNED, P1D, P2D, PT4H"
  })
  void theUrgencySetsTheEscalationClock(
      String urgency, String district, String network, String answer) {
    DmnDecisionResult result =
        DMN.evaluateDecision(decision(DEADLINES), Map.of(Vars.URGENCY, urgency));

    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry(Vars.DISTRICT_DEADLINE, district)
        .containsEntry(Vars.NETWORK_DEADLINE, network)
        .containsEntry(Vars.RESPONSE_DEADLINE, answer);
  }

  @Test
  void anUnknownUrgencyMatchesNoRule() {
    assertThat(DMN.evaluateDecision(decision(DEADLINES), Map.of(Vars.URGENCY, "SOMETIME")))
        .isEmpty();
  }

  @AfterAll
  static void everyRuleOfBothTablesMatched() {
    Set<String> rules = new TreeSet<>();
    for (String table : List.of(CATEGORIES, DEADLINES)) {
      try (InputStream in = resource(table)) {
        rules.addAll(
            Dmn.readModelFromStream(in).getModelElementsByType(Rule.class).stream()
                .map(Rule::getId)
                .collect(Collectors.toSet()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(MATCHED).as("rules matched by some test").containsAll(rules);
  }

  private static DmnDecision decision(String table) {
    try (InputStream in = resource(table)) {
      return DMN.parseDecisions(in).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    return DecisionTablesTest.class.getClassLoader().getResourceAsStream(name);
  }

  private static DmnEngine engine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener record =
        event ->
            event.getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId)
                .forEach(MATCHED::add);
    configuration.customPostDecisionTableEvaluationListeners(List.of(record));
    return configuration.buildEngine();
  }
}
