// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Places held for open requests, per offer: the network's free count leaves them out, but they are
 * free in the house, so a provider re-reporting its free places counts them in.
 */
@Component
class OpenRequests {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  OpenRequests(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Map<Long, Integer> heldPlaces(Collection<Long> offerIds) {
    Map<Long, Integer> held = new HashMap<>();
    if (offerIds.isEmpty()) {
      return held;
    }
    jdbc.query(
        "SELECT offer_id, SUM(places) AS places FROM hold WHERE status = 'HELD' AND expires_at > :now"
            + " AND offer_id IN (:offers) GROUP BY offer_id",
        new MapSqlParameterSource("now", Timestamp.from(clock.instant()))
            .addValue("offers", offerIds),
        rs -> {
          held.put(rs.getLong("offer_id"), rs.getInt("places"));
        });
    return held;
  }
}
