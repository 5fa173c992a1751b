// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model and form we ship keeps to the policy, with the engine's FEEL defaults and our delegates' names. */
class DeploymentPolicyTest {

  private static final Set<String> DELEGATES = Set.of("intake", "escalate", "recordPlacement", "recordEmergencyMeasure",
      "handOver", "closeCase", "startSearch", "findCandidates", "recordPhonePlacement", "placeHolds", "prepareRequest",
      "requestTaskCreated", "acceptRequest", "declineRequest", "expireRequest", "withdrawRequests",
      "dutyDeadlinesDelegate", "distributionExclusionDelegate", "objectionDecisionCheck", "distributionAssessmentCheck");

  private static final String FEEL = "http://www.omg.org/spec/FEEL/20140401";

  static Stream<Path> shipped() throws IOException {
    return Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms"))).sorted();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedFileKeepsToThePolicy(Path file) throws IOException {
    Map<String, String> defaults = new HashMap<>();
    for (String kind : new String[] {"inputExpression", "inputEntry", "outputEntry", "defaultOutputEntry",
        "literalExpression"}) {
      defaults.put(kind, FEEL);
    }
    DeploymentPolicy policy = new DeploymentPolicy(() -> DELEGATES, Set.of(), () -> new DmnRules(defaults));

    assertThat(policy.check(file.getFileName().toString(), Files.readAllBytes(file))).isEmpty();
  }
}
