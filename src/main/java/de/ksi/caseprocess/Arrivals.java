// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The arrival of a placed child at the accepting provider: expected from the placement on,
 * confirmed by the provider ("Kind ist angekommen"), reminded to the office when it stays
 * unconfirmed. Rows of {@code case_arrival}.
 */
@Component
public class Arrivals {

  /** One case's arrival as the case view shows it. */
  public record Arrival(
      long placementId,
      String providerGroup,
      Instant expectedSince,
      Instant arrivedAt,
      String confirmedBy,
      Instant remindedAt,
      Instant expectedAt,
      String escort) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Arrivals(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The child is expected at the provider of this placement; a case expects one arrival, the first
   * placement's.
   */
  void expect(long caseId, long placementId, String providerGroup) {
    jdbc.update(
        "INSERT INTO case_arrival (case_id, placement_id, provider_group, expected_since) SELECT ?, ?, ?, ?"
            + " WHERE NOT EXISTS (SELECT 1 FROM case_arrival WHERE case_id = ?)",
        caseId,
        placementId,
        providerGroup,
        Timestamp.from(clock.instant()),
        caseId);
  }

  /** The provider confirmed the arrival; a second confirmation keeps the first time. */
  void confirm(long caseId, String actor) {
    int confirmed =
        jdbc.update(
            "UPDATE case_arrival SET arrived_at = ?, confirmed_by = ? WHERE case_id = ?"
                + " AND arrived_at IS NULL",
            Timestamp.from(clock.instant()),
            actor,
            caseId);
    if (confirmed == 0 && of(caseId).isEmpty()) {
      throw new IllegalStateException("case " + caseId + " expects no arrival");
    }
  }

  /**
   * The office announces when the child comes and who brings it; false if the case expects no
   * arrival.
   */
  public boolean plan(long caseId, Instant expectedAt, String escort, String actor) {
    return jdbc.update(
            "UPDATE case_arrival SET expected_at = ?, escort = ?, planned_by = ? WHERE case_id = ?",
            Timestamp.from(expectedAt),
            escort,
            actor,
            caseId)
        == 1;
  }

  void reminded(long caseId) {
    jdbc.update(
        "UPDATE case_arrival SET reminded_at = ? WHERE case_id = ?",
        Timestamp.from(clock.instant()),
        caseId);
  }

  public Optional<Arrival> of(long caseId) {
    return jdbc
        .query(
            "SELECT * FROM case_arrival WHERE case_id = ?",
            (rs, n) ->
                new Arrival(
                    rs.getLong("placement_id"),
                    rs.getString("provider_group"),
                    instant(rs.getTimestamp("expected_since")),
                    instant(rs.getTimestamp("arrived_at")),
                    rs.getString("confirmed_by"),
                    instant(rs.getTimestamp("reminded_at")),
                    instant(rs.getTimestamp("expected_at")),
                    rs.getString("escort")),
            caseId)
        .stream()
        .findFirst();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
