// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.CaseReference;
import de.ksi.network.District;
import de.ksi.planning.SimulationModel.Offer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads demand and supply per category from our tables, without any personal column: placements
 * begun in the period (category of the offer, office of the case), cases of the period never placed
 * (category of their last request, else the first one the eligibility table would choose), answers
 * to requests, and the licensed places.
 */
@Component
@Transactional(readOnly = true)
class ObservedDemand {

  private static final double HOUR = 3_600_000;
  private static final double DAY = 24 * HOUR;

  private final NamedParameterJdbcTemplate jdbc;
  private final SyntheticCaseCount synthetic;

  ObservedDemand(NamedParameterJdbcTemplate jdbc, SyntheticCaseCount synthetic) {
    this.jdbc = jdbc;
    this.synthetic = synthetic;
  }

  /**
   * Counts and sums per category for arrivals in [from, to); stays still running are counted up to
   * now.
   */
  Observed observe(Instant from, Instant to, Instant now) {
    Map<Category, Observation> all = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      all.put(category, new Observation(category));
    }
    MapSqlParameterSource period =
        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
    Map<String, Category> lastRequested = answers(period, now, all);
    placements(period, from, now, all);
    unplaced(period, from, lastRequested, all);
    jdbc.query(
        "SELECT o.category, p.district, o.licensed FROM offer o JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active = TRUE AND p.active = TRUE",
        (ResultSet rs) -> {
          all.get(Category.valueOf(rs.getString(1)))
              .offers
              .add(new Offer(District.valueOf(rs.getString(2)), rs.getInt(3)));
        });
    return new Observed(all, synthetic.count(from, to));
  }

  /**
   * Requests of the period: accepted, or declined or left to expire (both count as a refusal), and
   * how long an actual answer took; withdrawn requests count for neither.
   */
  private Map<String, Category> answers(
      MapSqlParameterSource period, Instant now, Map<Category, Observation> all) {
    Map<String, Category> lastRequested = new HashMap<>();
    Map<String, Instant> lastAt = new HashMap<>();
    jdbc.query(
        "SELECT h.case_reference, h.status, h.created_at, h.decided_at, h.expires_at, o.category FROM hold h"
            + " JOIN offer o ON o.id = h.offer_id WHERE h.created_at >= :from AND h.created_at < :to",
        period,
        (ResultSet rs) -> {
          Observation o = all.get(Category.valueOf(rs.getString("category")));
          Instant created = rs.getTimestamp("created_at").toInstant();
          Timestamp decided = rs.getTimestamp("decided_at");
          String status = rs.getString("status");
          boolean answered = "CONFIRMED".equals(status) || "DECLINED".equals(status);
          boolean expired =
              "EXPIRED".equals(status)
                  || "HELD".equals(status)
                      && rs.getTimestamp("expires_at").toInstant().isBefore(now);
          if ("CONFIRMED".equals(status)) {
            o.accepted++;
          } else if ("DECLINED".equals(status) || expired) {
            o.refused++;
          }
          if (answered && decided != null) {
            o.answers++;
            o.responseHours += (decided.getTime() - created.toEpochMilli()) / HOUR;
          }
          String reference = rs.getString("case_reference");
          if (!lastAt.containsKey(reference) || lastAt.get(reference).isBefore(created)) {
            lastAt.put(reference, created);
            lastRequested.put(reference, o.category);
          }
        });
    return lastRequested;
  }

  /** Placements begun in the period: one arrival each, and place-days up to their end or now. */
  private void placements(
      MapSqlParameterSource period, Instant from, Instant now, Map<Category, Observation> all) {
    jdbc.query(
        "SELECT p.case_reference, p.started_at, p.ended_at, o.category, c.office, v.district FROM placement p"
            + " JOIN offer o ON o.id = p.offer_id JOIN provider v ON v.id = o.provider_id"
            + " LEFT JOIN custody_case c ON c.reference = p.case_reference"
            + " WHERE p.started_at >= :from AND p.started_at < :to",
        period,
        (ResultSet rs) -> {
          Observation o = all.get(Category.valueOf(rs.getString("category")));
          Instant started = rs.getTimestamp("started_at").toInstant();
          Timestamp ended = rs.getTimestamp("ended_at");
          o.arrival(office(rs), days(from, started));
          Instant until = ended == null || ended.toInstant().isAfter(now) ? now : ended.toInstant();
          o.placeDays += Math.max(0, days(started, until));
          if (ended != null && !ended.toInstant().isAfter(now)) {
            o.staysEnded++;
          }
        });
  }

  /** Cases of the period that never had a placement: demand the network did not meet (yet). */
  private void unplaced(
      MapSqlParameterSource period,
      Instant from,
      Map<String, Category> lastRequested,
      Map<Category, Observation> all) {
    Set<String> seen = new HashSet<>();
    jdbc.query(
        "SELECT c.reference, c.office, c.custody_start, c.legal_ground, c.age, c.emergency_measure"
            + " FROM custody_case c WHERE c.custody_start >= :from AND c.custody_start < :to"
            + " AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.case_reference = c.reference)",
        period,
        (ResultSet rs) -> {
          String reference = rs.getString("reference");
          if (!seen.add(reference)) {
            return;
          }
          Category category =
              lastRequested.getOrDefault(
                  reference, firstEligible(rs.getString("legal_ground"), rs.getInt("age")));
          Observation o = all.get(category);
          o.arrival(
              District.valueOf(rs.getString("office")),
              days(from, rs.getTimestamp("custody_start").toInstant()));
          if (rs.getString("emergency_measure") != null) {
            o.emergencyMeasures++;
          }
        });
  }

  /**
   * The eligibility table's first choice, roughly: UMA from 12 to clearing, small children to the
   * infant unit.
   */
  static Category firstEligible(String legalGround, int age) {
    if ("NR3_UMA".equals(legalGround) && age >= 12) {
      return Category.CLEARING_UMA;
    }
    return age < 7 ? Category.KLEINKIND_NOTAUFNAHME : Category.INOBHUTNAHME_GRUPPE;
  }

  /**
   * The office of the case; the reference names it even where the case row is not ours (e.g. a
   * handover).
   */
  private static District office(ResultSet rs) throws SQLException {
    String office = rs.getString("office");
    if (office != null) {
      return District.valueOf(office);
    }
    return CaseReference.office(rs.getString("case_reference"))
        .orElse(District.valueOf(rs.getString("district")));
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / DAY;
  }

  /** All categories' observations, and how many cases of the period are marked synthetic. */
  record Observed(Map<Category, Observation> byCategory, long syntheticCases) {}
}
