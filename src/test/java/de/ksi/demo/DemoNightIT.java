// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.HoldStatus;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The guided demo night on the demo data: every case ends where the narration says. */
@KsiIntegrationTest
class DemoNightIT {

  @LocalServerPort int port;
  @Autowired DemoNight demoNight;
  @Autowired CapacityRegistry registry;
  @Autowired TaskService tasks;

  @Test
  void aWholeNightPlacesThreeChildrenOneOfThemThroughTheNetwork() {
    List<String> narration = new ArrayList<>();

    DemoNight.Night night = demoNight.play(narration::add);

    ApiClient api = new ApiClient(port);
    var requested = api.as("koordination-1").get("/api/cases/" + night.requested()).json();
    assertThat(requested.get("status").asText()).isEqualTo("PLACED");
    assertThat(requested.get("escalationLevel").asText()).isEqualTo("KREIS");
    assertThat(registry.holdsOf(night.requested()).stream().map(h -> h.status()))
        .containsExactlyInAnyOrder(HoldStatus.DECLINED, HoldStatus.CONFIRMED);

    var byPhone = api.as("koordination-1").get("/api/cases/" + night.byPhone()).json();
    assertThat(byPhone.get("status").asText()).isEqualTo("PLACED");
    assertThat(registry.holdsOf(night.byPhone()).stream().map(h -> h.status()))
        .containsExactly(HoldStatus.RELEASED);

    var escalated = api.as("koordination-1").get("/api/cases/" + night.escalated()).json();
    assertThat(escalated.get("status").asText()).isEqualTo("PLACED");
    assertThat(escalated.get("escalationLevel").asText()).isEqualTo("VERBUND");
    assertThat(night.escalated()).startsWith("PIN-");
    assertThat(night.byPhone()).startsWith("STO-");

    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(night.requested())
                .taskDefinitionKey(DutiesProcess.Elements.INFORM_CHILD)
                .count())
        .isZero();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(night.byPhone())
                .taskDefinitionKey(DutiesProcess.Elements.INFORM_CHILD_OVERDUE_TASK)
                .count())
        .isEqualTo(1);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(night.requested())
                .taskDefinitionKey(CaseProcess.Elements.DECIDE_OUTCOME)
                .count())
        .isEqualTo(1);

    String told = String.join("\n", narration);
    assertThat(told)
        .contains(
            "Eine Nacht im Verbund",
            "Verbund-Eskalationen",
            "Anfragen an meinen Träger",
            "Überfällige Fristen",
            night.requested(),
            night.byPhone(),
            night.escalated());
  }
}
