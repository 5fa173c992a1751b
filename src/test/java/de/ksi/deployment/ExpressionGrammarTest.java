// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionGrammarTest {

  private static final Set<String> DELEGATES = Set.of("placeHolds", "escalate", "intake");

  @ParameterizedTest
  @ValueSource(
      strings = {
        // every form our shipped models use
        "${searchOutcome == 'PLACED'}",
        "${outcome == 'HANDOVER_OFFICE'}",
        "${candidateCount > 0}",
        "${choice == 'REQUEST' || choice == 'BEST'}",
        "${!parentsObject}",
        "${parentsObject}",
        "${true}",
        "${execution.getVariable('placementId') != null}",
        "${execution.setVariable('searchOutcome', 'PLACED')}",
        "#{execution.processBusinessKey}",
        "${'NETWORK'}",
        "${officeGroup}",
        "koordinierungsstelle,${officeHeadGroup}",
        "${dateTime().plusMinutes(30).toDate()}",
        "${decisionResult.getSingleResult().districtDeadline}",
        "${districtDeadline}",
        "PT30M",
        "VERBUND",
        "koordinierungsstelle",
        // what a process owner realistically writes
        "${!b && c > 3}",
        "${x != null}",
        "${empty note}",
        "${not empty note and urgency eq \"TODAY\"}",
        "${age >= 14 or (age > -1 && siblings lt 2.5)}",
        "${dateTime().plusHours(2).toDate()}",
        "${a == '}'}",
        "${name == 'O\\'Brien'}",
        "Frist: ${deadline} (${urgency})"
      })
  void acceptsWhatWeShipAndConditionsOverVariables(String text) {
    assertThat(ExpressionGrammar.checkTemplate(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${identityService.createMembership('prozess-1','koordinierungsstelle')}",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/x')}",
        "${x.class}",
        "${x.getClass()}",
        "${execution.processEngineServices}",
        "${execution.getProcessEngine()}",
        "${execution.setVariable('a', b.c)}",
        "${a && execution.setVariable('a', 1)}",
        "${task.delete()}",
        "${execution}",
        "${task}",
        "${decisionResult}",
        "${decisionResult.getResultList()}",
        "${dateTime().minusDays(1).toDate()}",
        "${dateTime().plusMinutes(x).toDate()}",
        "${currentUser()}",
        "${a[0]}",
        "${a['b']}",
        "${a ? b : c}",
        "${a + 1 > 2}",
        "${a = 1}",
        "${x; y}",
        "${a instanceof b}",
        "${}",
        "${a",
        "${'unclosed}",
        "${a == 'x' b}",
        "text #{runtimeService.startProcessInstanceByKey('p')} text",
        "${\"\".getClass()}",
        "${1e3}",
        "${-a}",
        "${f:call()}"
      })
  void refusesMethodCallsPropertiesAndEverythingElse(String text) {
    assertThat(ExpressionGrammar.checkTemplate(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${placeHolds}", "${ escalate }", "${intake}"})
  void acceptsOurDelegatesByName(String text) {
    assertThat(ExpressionGrammar.checkDelegate(text, DELEGATES)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${identityService}",
        "${placeHolds.execute(execution)}",
        "#{placeHolds}",
        "${placeHolds}x",
        "placeHolds",
        "${runtimeService}",
        "${execution}"
      })
  void refusesEveryOtherDelegateReference(String text) {
    assertThat(ExpressionGrammar.checkDelegate(text, DELEGATES)).isPresent();
  }
}
