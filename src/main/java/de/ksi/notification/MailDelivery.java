// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the notification outbox by e-mail to the members of each recipient group, outside any
 * case transaction: a failing mail server never blocks a case. A failed message keeps its error and
 * is retried with growing pauses (2, 4, 8 … at most 60 minutes). Only active when {@code
 * spring.mail.host} is set.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class MailDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  private final JdbcTemplate jdbc;
  private final JavaMailSender mail;
  private final IdentityService identity;
  private final Clock clock;
  private final String from;

  MailDelivery(
      JdbcTemplate jdbc,
      JavaMailSender mail,
      IdentityService identity,
      Clock clock,
      @Value("${ksi.mail.from:koordinierungsstelle@localhost}") String from) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.identity = identity;
    this.clock = clock;
    this.from = from;
  }

  private record Due(
      long id,
      String group,
      String caseReference,
      Notifications.Kind kind,
      String message,
      int attempts) {}

  /** Sends every message that is due; returns how many were delivered. */
  @Scheduled(fixedDelayString = "${ksi.mail.interval:PT1M}")
  public int deliverDue() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.query(
            "SELECT id, recipient_group, case_reference, kind, message, attempts FROM notification"
                + " WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id",
            (rs, n) ->
                new Due(
                    rs.getLong("id"),
                    rs.getString("recipient_group"),
                    rs.getString("case_reference"),
                    Notifications.Kind.valueOf(rs.getString("kind")),
                    rs.getString("message"),
                    rs.getInt("attempts")),
            Timestamp.from(now));
    int delivered = 0;
    for (Due notification : due.subList(0, Math.min(due.size(), 50))) {
      delivered += deliver(notification, now) ? 1 : 0;
    }
    return delivered;
  }

  private boolean deliver(Due n, Instant now) {
    List<String> to =
        identity.createUserQuery().memberOfGroup(n.group()).list().stream()
            .map(User::getEmail)
            .filter(e -> e != null && !e.isBlank())
            .toList();
    try {
      if (!to.isEmpty()) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(
            "[Koordinierungsstelle] " + n.kind().subject() + " – " + n.caseReference());
        message.setText(n.message());
        mail.send(message);
      }
      jdbc.update(
          "UPDATE notification SET delivered_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
          Timestamp.from(now),
          to.isEmpty() ? "no member of " + n.group() + " has an e-mail address" : null,
          n.id());
      return true;
    } catch (MailException e) {
      int attempts = n.attempts() + 1;
      Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6)));
      String error = String.valueOf(e.getMessage());
      jdbc.update(
          "UPDATE notification SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
          attempts,
          error.length() > 1000 ? error.substring(0, 1000) : error,
          Timestamp.from(now.plus(pause)),
          n.id());
      LOG.warn(
          "notification {} to {} not delivered (attempt {}), retry in {}: {}",
          n.id(),
          n.group(),
          attempts,
          pause,
          error);
      return false;
    }
  }
}
