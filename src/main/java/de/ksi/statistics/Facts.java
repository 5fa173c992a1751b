// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.network.District;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of the cases begun in a time range, and of their requests, straight from our
 * tables.
 */
@Component
class Facts {

  private static final String CASES =
      """
      SELECT c.reference, c.office, c.legal_ground, c.age, c.gender, c.custody_start, c.placed_at, c.placement_level,
             c.needed_category, c.handover_at, c.closed_at, c.follow_up_needed_at, c.overdue_duties, c.synthetic,
             c.placement_id, pl.ended_at AS placement_ended_at, pr.district AS placed_district
      FROM custody_case c
      LEFT JOIN placement pl ON pl.id = c.placement_id
      LEFT JOIN offer o ON o.id = pl.offer_id
      LEFT JOIN provider pr ON pr.id = o.provider_id
      WHERE c.custody_start >= :from AND c.custody_start < :to AND (:synthetic OR c.synthetic = FALSE)
      """;

  private static final String HOLDS =
      """
      SELECT c.office, c.custody_start, h.status, h.expires_at, h.decline_reason, o.category, pr.name AS provider
      FROM hold h
      JOIN custody_case c ON c.reference = h.case_reference
      JOIN offer o ON o.id = h.offer_id
      JOIN provider pr ON pr.id = o.provider_id
      WHERE c.custody_start >= :from AND c.custody_start < :to AND (:synthetic OR c.synthetic = FALSE)
      """;

  /** One case as the statistics see it: no name, no birth date, no narrative. */
  record CaseFact(
      String reference,
      District office,
      String legalGround,
      int age,
      String gender,
      Instant start,
      Instant placedAt,
      String placementLevel,
      String neededCategory,
      Instant handoverAt,
      Instant closedAt,
      Instant followUpNeededAt,
      int overdueDuties,
      boolean synthetic,
      boolean placedInRegistry,
      Instant placementEndedAt,
      District placedDistrict) {

    /**
     * When the Inobhutnahme ended: handover to the follow-up help or another office, else closing.
     */
    Instant end() {
      return handoverAt != null ? handoverAt : closedAt;
    }
  }

  /**
   * One placement request (hold) of such a case; {@code status} already shows elapsed holds as
   * EXPIRED.
   */
  record HoldFact(
      District office,
      Instant caseStart,
      String status,
      String declineReason,
      String category,
      String provider) {}

  private final NamedParameterJdbcTemplate jdbc;

  Facts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<CaseFact> cases(Instant from, Instant to, boolean synthetic) {
    return jdbc.query(CASES, params(from, to, synthetic), Facts::caseFact);
  }

  List<HoldFact> holds(Instant from, Instant to, boolean synthetic, Instant now) {
    return jdbc.query(
        HOLDS,
        params(from, to, synthetic),
        (rs, n) -> {
          String status = rs.getString("status");
          if ("HELD".equals(status) && !rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
            status = "EXPIRED";
          }
          return new HoldFact(
              District.valueOf(rs.getString("office")),
              instant(rs, "custody_start"),
              status,
              rs.getString("decline_reason"),
              rs.getString("category"),
              rs.getString("provider"));
        });
  }

  /** How many synthetic cases began in the range. */
  int syntheticCases(Instant from, Instant to) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM custody_case c WHERE c.custody_start >= :from"
                + " AND c.custody_start < :to AND c.synthetic = TRUE",
            params(from, to, true),
            Integer.class);
    return n == null ? 0 : n;
  }

  private static MapSqlParameterSource params(Instant from, Instant to, boolean synthetic) {
    return new MapSqlParameterSource("from", Timestamp.from(from))
        .addValue("to", Timestamp.from(to))
        .addValue("synthetic", synthetic);
  }

  private static CaseFact caseFact(ResultSet rs, int n) throws SQLException {
    String placedDistrict = rs.getString("placed_district");
    return new CaseFact(
        rs.getString("reference"),
        District.valueOf(rs.getString("office")),
        rs.getString("legal_ground"),
        rs.getInt("age"),
        rs.getString("gender"),
        instant(rs, "custody_start"),
        instant(rs, "placed_at"),
        rs.getString("placement_level"),
        rs.getString("needed_category"),
        instant(rs, "handover_at"),
        instant(rs, "closed_at"),
        instant(rs, "follow_up_needed_at"),
        rs.getInt("overdue_duties"),
        rs.getBoolean("synthetic"),
        rs.getObject("placement_id") != null,
        instant(rs, "placement_ended_at"),
        placedDistrict == null ? null : District.valueOf(placedDistrict));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
