// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import de.ksi.intake.EscalationLevel;
import de.ksi.lagebild.Lagebild.WaitingChild;
import de.ksi.network.District;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Open cases without a place, read straight from the case table without any personal column. */
@Component
class WaitingChildren {

  private static final List<String> LEVELS =
      List.of(
          EscalationLevel.LEVEL2.value(),
          EscalationLevel.NETWORK.value(),
          EscalationLevel.DISTRICT.value());

  private final NamedParameterJdbcTemplate jdbc;

  WaitingChildren(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Highest escalation level first, then the longest waiting. */
  List<WaitingChild> of(
      Collection<District> offices, Instant now, Map<String, String> instanceByReference) {
    if (offices.isEmpty()) {
      return List.of();
    }
    return jdbc
        .query(
            "SELECT reference, office, age, siblings, urgency, escalation_level, custody_start FROM custody_case"
                + " WHERE status = 'OPEN' AND placed_at IS NULL AND office IN (:offices)",
            new MapSqlParameterSource("offices", offices.stream().map(Enum::name).toList()),
            (rs, n) -> {
              District office = District.valueOf(rs.getString("office"));
              Instant start = rs.getTimestamp("custody_start").toInstant();
              String reference = rs.getString("reference");
              return new WaitingChild(
                  reference,
                  office,
                  office.label(),
                  AgeBand.of(rs.getInt("age")),
                  rs.getInt("siblings"),
                  rs.getString("urgency"),
                  rs.getString("escalation_level"),
                  start,
                  Math.max(0, Duration.between(start, now).toMinutes()),
                  instanceByReference.get(reference));
            })
        .stream()
        .sorted(
            Comparator.comparingInt((WaitingChild w) -> rank(w.escalationLevel()))
                .thenComparing(WaitingChild::custodyStart))
        .toList();
  }

  private static int rank(String level) {
    int index = LEVELS.indexOf(level);
    return index < 0 ? LEVELS.size() : index;
  }
}
