// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.KsiIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's engine evaluates the deployed decision tables with the FEEL engine that parses
 * once.
 */
@KsiIntegrationTest
class ParsedOnceFeelIT {

  @Autowired ProcessEngine engine;

  @Test
  void theDeployedDecisionsAreEvaluatedWithTheParsedOnceEngine() {
    var dmn =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngineFactory()).isInstanceOf(ParsedOnceFeelPlugin.Factory.class);

    var deadlines =
        engine
            .getDecisionService()
            .evaluateDecisionTableByKey(
                "escalation-deadlines",
                Variables.createVariables().putValue("urgency", "IMMEDIATE"));

    assertThat(deadlines.getSingleResult().getEntryMap())
        .containsKeys("districtDeadline", "networkDeadline");
  }
}
