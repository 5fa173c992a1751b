// SPDX-License-Identifier: EUPL-1.2
package de.ksi.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who disclosed or read which case's personal data, when and why. Entries are never
 * changed.
 */
@Service
public class AuditLog {

  /** What happened to personal data. */
  public enum Action {
    /** The accepting provider was granted the child's identity at placement. */
    DISCLOSURE_GRANTED,
    /** Somebody read the child's identity. */
    IDENTITY_READ,
    /** Responsibility passed to another office, and the identity with it. */
    DISCLOSED_TO_OFFICE,
    /** The retention period after closing ended and the personal data was erased. */
    PERSONAL_DATA_ERASED,
    /**
     * Somebody tried to act on a case, or on the engine, beyond their rights; nothing was changed.
     */
    ACCESS_REFUSED,
    /**
     * An administrator deleted a deployment, and with cascade the case's running process and its
     * history.
     */
    DEPLOYMENT_DELETED,
    /**
     * An administrator suspended or activated a process definition or changed its history time to
     * live.
     */
    DEFINITION_CHANGED,
    /** A caseworker set or cleared the planned end of a placement (a vacancy ahead). */
    PLACEMENT_END_PLANNED,
    /** A coordinator issued or revoked a provider's machine API credential. */
    CREDENTIAL_CHANGED,
    /** A provider's own system called the API with its machine credential (allowed or refused). */
    MACHINE_CLIENT_CALL
  }

  /** One entry. */
  public record Entry(
      long id,
      Instant occurredAt,
      String actor,
      String caseReference,
      Action action,
      String recipient,
      String detail,
      String reason) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Joins the caller's transaction: a disclosure that rolls back leaves no entry, one that commits
   * always does.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(
      String actor,
      String caseReference,
      Action action,
      String recipient,
      String detail,
      String reason) {
    jdbc.update(
        "INSERT INTO audit_log (occurred_at, actor, case_reference, action, recipient, detail, reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(clock.instant()),
        actor,
        caseReference,
        action.name(),
        recipient,
        detail,
        reason);
  }

  /**
   * A refused attempt on a case, in a transaction of its own: the attempt fails and rolls back, its
   * record stays.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(String actor, String caseReference, String detail) {
    String bounded = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    record(
        actor,
        caseReference == null ? "-" : caseReference,
        Action.ACCESS_REFUSED,
        null,
        bounded,
        "Zugriff verweigert");
  }

  /**
   * The latest {@code limit} entries of one actor, newest first (e.g. a provider system's machine
   * credential).
   */
  @Transactional(readOnly = true)
  public List<Entry> ofActor(String actor, int limit) {
    return jdbc.query(
        "SELECT * FROM audit_log WHERE actor = ? ORDER BY id DESC FETCH FIRST "
            + limit
            + " ROWS ONLY",
        (rs, n) ->
            new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("case_reference"),
                Action.valueOf(rs.getString("action")),
                rs.getString("recipient"),
                rs.getString("detail"),
                rs.getString("reason")),
        actor);
  }

  @Transactional(readOnly = true)
  public List<Entry> forCase(String caseReference) {
    return jdbc.query(
        "SELECT * FROM audit_log WHERE case_reference = ? ORDER BY id",
        (rs, n) ->
            new Entry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("case_reference"),
                Action.valueOf(rs.getString("action")),
                rs.getString("recipient"),
                rs.getString("detail"),
                rs.getString("reason")),
        caseReference);
  }
}
