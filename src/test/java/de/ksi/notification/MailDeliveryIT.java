// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.ksi.network.District;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox delivered by e-mail through a real SMTP server (GreenMail), and what happens when it
 * is down.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-mail-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=true",
      "spring.mail.host=localhost",
      "ksi.mail.interval=PT1H",
      "ksi.mail.from=koordinierungsstelle@test.example.org"
    })
class MailDeliveryIT {

  /**
   * A free port of this machine, not GreenMail's fixed 3025, so that two builds on one machine do
   * not collide.
   */
  private static final ServerSetup SMTP =
      new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(SMTP).withPerMethodLifecycle(true);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    properties.add("spring.mail.port", SMTP::getPort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired Notifications notifications;
  @Autowired MailDelivery delivery;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theMembersOfTheRecipientGroupGetTheMessageByMail() throws Exception {
    notifications.send(
        District.STORMARN.groupId(),
        "STO-2026-0007",
        Notifications.Kind.NETWORK_ESCALATION,
        "Fall STO-2026-0007 ist eskaliert.");

    assertThat(delivery.deliverDue()).isGreaterThanOrEqualTo(1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(Arrays.stream(received).flatMap(m -> recipients(m).stream()))
        .contains("fk-sto-1@demo.example.org", "fk-sto-2@demo.example.org");
    assertThat(received[0].getSubject()).contains("Eskalation an den Verbund", "STO-2026-0007");
    assertThat(state("STO-2026-0007").get("DELIVERED_AT")).isNotNull();
  }

  @Test
  void aDownMailServerNeverLosesAMessageItIsRetriedOnceTheServerIsBack() {
    smtp.stop();
    notifications.send(
        District.PINNEBERG.groupId(),
        "PIN-2026-0042",
        Notifications.Kind.LEVEL2_ESCALATION,
        "Fall PIN-2026-0042: Stufe 2.");

    delivery.deliverDue();

    Map<String, Object> failed = state("PIN-2026-0042");
    assertThat(failed.get("DELIVERED_AT")).isNull();
    assertThat(((Number) failed.get("ATTEMPTS")).intValue()).isEqualTo(1);
    assertThat(failed.get("LAST_ERROR")).isNotNull();

    smtp.start();
    delivery.deliverDue();
    assertThat(state("PIN-2026-0042").get("DELIVERED_AT")).as("not before its retry time").isNull();
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(3))));
    delivery.deliverDue();

    assertThat(state("PIN-2026-0042").get("DELIVERED_AT")).isNotNull();
    assertThat(smtp.getReceivedMessages()).isNotEmpty();
  }

  private Map<String, Object> state(String caseReference) {
    return jdbc.queryForMap(
        "SELECT delivered_at, attempts, last_error FROM notification WHERE case_reference = ?",
        caseReference);
  }

  private static java.util.List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
