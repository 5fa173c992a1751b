// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells groups what happened to a case: a provider that its request was withdrawn, coordinators
 * that a case reached the network or level 2. Written in the same transaction as the event it
 * reports, so a message exists exactly when the event happened. The text never names the child.
 */
@Service
@Transactional
public class Notifications {

  /** Kinds of message. */
  public enum Kind {
    NEW_REQUEST("Neue Platzanfrage"),
    REQUEST_WITHDRAWN("Platzanfrage zurückgezogen"),
    NETWORK_ESCALATION("Eskalation an den Verbund"),
    LEVEL2_ESCALATION("Eskalation Stufe 2"),
    AVAILABILITY_REMINDER("Bitte freie Plätze melden"),
    OVERDUE_DUTY("Frist überschritten"),
    ARRIVAL_OVERDUE("Ankunft nicht bestätigt");

    private final String subject;

    Kind(String subject) {
      this.subject = subject;
    }

    /** German subject line of the e-mail. */
    public String subject() {
      return subject;
    }
  }

  /** One message to one group. */
  public record Notification(
      long id,
      Instant createdAt,
      String recipientGroup,
      String caseReference,
      Kind kind,
      String message) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Notifications(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void send(String recipientGroup, String caseReference, Kind kind, String message) {
    jdbc.update(
        "INSERT INTO notification (created_at, recipient_group, case_reference, kind, message)"
            + " VALUES (:at, :group, :ref, :kind, :message)",
        new MapSqlParameterSource("at", Timestamp.from(clock.instant()))
            .addValue("group", recipientGroup)
            .addValue("ref", caseReference)
            .addValue("kind", kind.name())
            .addValue("message", message));
  }

  /** When the group was last sent a message of this kind, if ever. */
  @Transactional(readOnly = true)
  public java.util.Optional<Instant> lastSent(String group, Kind kind) {
    Timestamp last =
        jdbc.queryForObject(
            "SELECT MAX(created_at) FROM notification WHERE recipient_group = :group AND kind = :kind",
            new MapSqlParameterSource("group", group).addValue("kind", kind.name()),
            Timestamp.class);
    return java.util.Optional.ofNullable(last).map(Timestamp::toInstant);
  }

  /** The newest messages addressed to any of the groups. */
  @Transactional(readOnly = true)
  public List<Notification> forGroups(Collection<String> groups, int limit) {
    if (groups.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "SELECT * FROM notification WHERE recipient_group IN (:groups) ORDER BY id DESC",
        new MapSqlParameterSource("groups", groups),
        rs -> {
          List<Notification> found = new java.util.ArrayList<>();
          while (rs.next() && found.size() < limit) {
            found.add(
                new Notification(
                    rs.getLong("id"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("recipient_group"),
                    rs.getString("case_reference"),
                    Kind.valueOf(rs.getString("kind")),
                    rs.getString("message")));
          }
          return found;
        });
  }
}
