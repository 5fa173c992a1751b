// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import de.ksi.network.District;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many placement requests each provider got per night and what became of them. A night runs
 * from noon to noon (German time) and is named by the day it begins, so the requests of one night
 * shift are counted together. A request nobody answered before its deadline counts as expired, like
 * a decline, against the provider.
 */
@Component
class ProviderNights {

  static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

  /** Nights the overview looks back by default, and at most. */
  static final int DEFAULT_NIGHTS = 7;

  static final int MAX_NIGHTS = 62;

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  ProviderNights(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The night a moment belongs to: the day on which that night began (at noon). */
  static LocalDate night(Instant at) {
    return at.atZone(GERMANY).minusHours(12).toLocalDate();
  }

  /**
   * The requests of the last {@code nights} nights (this one included) per night and provider,
   * newest night first.
   */
  List<NightRow> lastNights(int nights) {
    Instant now = clock.instant();
    LocalDate first = night(now).minusDays(nights - 1L);
    Instant since = first.atTime(12, 0).atZone(GERMANY).toInstant();
    Map<String, NightRow> rows = new TreeMap<>();
    jdbc.query(
        "SELECT h.created_at, h.status, h.expires_at, p.id AS provider_id, p.name, p.district FROM hold h"
            + " JOIN offer o ON o.id = h.offer_id JOIN provider p ON p.id = o.provider_id WHERE h.created_at >= :since",
        new MapSqlParameterSource("since", Timestamp.from(since)),
        rs -> {
          Instant created = rs.getTimestamp("created_at").toInstant();
          String status = rs.getString("status");
          if ("HELD".equals(status) && !rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
            status = "EXPIRED";
          }
          LocalDate night = night(created);
          long providerId = rs.getLong("provider_id");
          NightRow row =
              rows.computeIfAbsent(
                  night + "/" + providerId,
                  k -> {
                    try {
                      return new NightRow(
                          night,
                          providerId,
                          rs.getString("name"),
                          District.valueOf(rs.getString("district")));
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          row.count(status);
        });
    List<NightRow> result = new ArrayList<>(rows.values());
    result.sort(
        Comparator.comparing(NightRow::getNight)
            .reversed()
            .thenComparing(NightRow::getRequests, Comparator.reverseOrder())
            .thenComparing(NightRow::getProviderName));
    return result;
  }

  /** How long ago a moment was, in whole minutes. */
  static long minutesSince(Instant at, Instant now) {
    return Math.max(0, Duration.between(at, now).toMinutes());
  }
}
