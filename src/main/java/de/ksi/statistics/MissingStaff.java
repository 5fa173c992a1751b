// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.Category;
import de.ksi.capacity.Night;
import de.ksi.network.District;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Place-nights the network loses to missing staff, from the Platzmeldungen kept in {@code
 * availability_report}: per offer and night, the latest report for that night; where it names
 * staffed places, the places licensed and free but not staffed: free − max(0, staffed − occupied),
 * at least 0. A night without a staffed report loses nothing (it counts as licensed).
 */
@Component
@Transactional(readOnly = true)
public class MissingStaff {

  private static final String NIGHTS =
      """
      SELECT p.district, o.category, r.night,
             GREATEST(0, LEAST(r.reported_free, r.licensed) - GREATEST(0, r.staffed - r.occupied)) AS lost
      FROM availability_report r JOIN offer o ON o.id = r.offer_id JOIN provider p ON p.id = o.provider_id
      WHERE r.night >= :from AND r.night < :to AND r.staffed IS NOT NULL
        AND (:synthetic OR r.reported_by <> :syntheticActor)
        AND r.id = (SELECT MAX(r2.id) FROM availability_report r2 WHERE r2.offer_id = r.offer_id AND r2.night = r.night)
      """;

  private final NamedParameterJdbcTemplate jdbc;

  MissingStaff(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One offer-night with a staffed report.
   *
   * @param night when the night begins (18:00, {@link Night})
   * @param lost places licensed and free that night but not staffed
   */
  public record LostNight(District district, Category category, Instant night, int lost) {}

  /**
   * The offer-nights with a staffed report whose night begins on a date in [{@code from}, {@code
   * to}).
   */
  public List<LostNight> nights(LocalDate from, LocalDate to, boolean withSynthetic) {
    var params =
        new MapSqlParameterSource("from", Date.valueOf(from))
            .addValue("to", Date.valueOf(to))
            .addValue("synthetic", withSynthetic)
            .addValue("syntheticActor", SyntheticYear.ACTOR);
    return jdbc.query(
        NIGHTS,
        params,
        (rs, n) ->
            new LostNight(
                District.valueOf(rs.getString("district")),
                Category.valueOf(rs.getString("category")),
                new Night(rs.getDate("night").toLocalDate()).start(),
                rs.getInt("lost")));
  }
}
