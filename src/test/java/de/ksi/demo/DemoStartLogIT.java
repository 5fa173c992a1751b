// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start with demo data says so loudly in the start log: the demo logins with the published
 * password, {@code admin} among them, exist. A context of its own, so that its start is the one
 * captured (the shared integration-test context may have started long before).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-demo-log-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=true",
      "ksi.demo.synthetic-year=false"
    })
class DemoStartLogIT {

  @Autowired IdentityService identity;

  @Test
  void aStartWithDemoDataWarnsLoudlyThatAdminHasThePublishedPassword(CapturedOutput startLog) {
    List<String> lines = startLog.getAll().lines().toList();
    int at =
        lines.indexOf(
            lines.stream().filter(l -> l.contains("DEMO DATA IS ON")).findFirst().orElse(null));

    assertThat(at).as("the demo warning is in the start log").isPositive();
    assertThat(lines.get(at - 1)).as("framed, so it stands out").contains(" WARN ", "*******");
    assertThat(lines.get(at)).contains(" WARN ", "admin");
    assertThat(lines.get(at + 1))
        .contains(" WARN ", "PUBLISHED password 'demo'", "admin is a Camunda administrator");
    assertThat(lines.get(at + 2)).contains(" WARN ", "Never use this installation for real cases");
    assertThat(identity.checkPassword("admin", "demo"))
        .as("what the warning says is true")
        .isTrue();
    assertThat(startLog.getAll())
        .as("demo data brings its administrator")
        .doesNotContain("setup-token=");
  }
}
