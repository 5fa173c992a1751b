// SPDX-License-Identifier: EUPL-1.2
package de.ksi.monitoring;

import de.ksi.capacity.CapacityProperties;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.HoldStatus;
import de.ksi.intake.EscalationLevel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of the network's state, read from our tables at most every {@link #MAX_AGE} however often
 * Prometheus scrapes: waiting cases by escalation level, holds by status, declines by reason, stale
 * offers and undelivered notifications. The time to placement is a timer recorded when a case is
 * placed.
 */
@Component
class OperationsMetrics implements SmartInitializingSingleton {

  static final Duration MAX_AGE = Duration.ofSeconds(15);

  /** Holds of real cases only (and of test references without a case). */
  private static final String REAL =
      "case_reference NOT IN (SELECT reference FROM custody_case WHERE synthetic = TRUE)";

  static final List<String> LEVELS =
      java.util.Arrays.stream(EscalationLevel.values()).map(EscalationLevel::value).toList();

  private final NamedParameterJdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final CapacityProperties capacity;
  private final Clock clock;
  private Map<String, Long> snapshot = Map.of();
  private Instant takenAt = Instant.MIN;

  OperationsMetrics(
      NamedParameterJdbcTemplate jdbc,
      MeterRegistry registry,
      CapacityProperties capacity,
      Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    LEVELS.forEach(
        level ->
            gauge(
                "ksi.cases.waiting",
                "Open cases without a place",
                "level",
                level,
                "waiting." + level));
    Arrays.stream(HoldStatus.values())
        .map(Enum::name)
        .forEach(
            s ->
                gauge(
                    "ksi.holds",
                    "Holds (placement requests) by status; HELD are active",
                    "status",
                    s,
                    "hold." + s));
    Arrays.stream(DeclineReason.values())
        .map(Enum::name)
        .forEach(
            r -> gauge("ksi.declines", "Declined requests by reason", "reason", r, "decline." + r));
    Gauge.builder("ksi.offers.stale", this, m -> m.value("stale"))
        .description("Active offers whose Platzmeldung is older than the freshness limit")
        .register(registry);
    Gauge.builder("ksi.notifications.undelivered", this, m -> m.value("undelivered"))
        .description("Notifications in the outbox not yet delivered")
        .register(registry);
  }

  private void gauge(String name, String description, String tag, String value, String key) {
    Gauge.builder(name, this, m -> m.value(key))
        .description(description)
        .tag(tag, value)
        .register(registry);
  }

  private synchronized double value(String key) {
    Instant now = clock.instant();
    if (takenAt.plus(MAX_AGE).isBefore(now) || takenAt.isAfter(now)) {
      snapshot = read(now);
      takenAt = now;
    }
    return snapshot.getOrDefault(key, 0L);
  }

  private Map<String, Long> read(Instant now) {
    Map<String, Long> values = new HashMap<>();
    var none = new MapSqlParameterSource();
    jdbc.query(
        "SELECT escalation_level, COUNT(*) AS n FROM custody_case WHERE status = 'OPEN' AND placed_at IS NULL"
            + " GROUP BY escalation_level",
        none,
        rs -> {
          values.put("waiting." + rs.getString(1), rs.getLong(2));
        });
    // the status is computed once in a subquery: H2 cannot tell two parameters of GROUP BY and
    // SELECT apart;
    // requests of synthetic demo cases are no operations and are left out
    jdbc.query(
        "SELECT s, COUNT(*) FROM (SELECT CASE WHEN status = 'HELD' AND expires_at <= :now THEN 'EXPIRED'"
            + " ELSE status END AS s FROM hold WHERE "
            + REAL
            + ") x GROUP BY s",
        new MapSqlParameterSource("now", Timestamp.from(now)),
        rs -> {
          values.merge("hold." + rs.getString(1), rs.getLong(2), Long::sum);
        });
    jdbc.query(
        "SELECT decline_reason, COUNT(*) FROM hold WHERE status = 'DECLINED' AND decline_reason IS NOT NULL"
            + " AND "
            + REAL
            + " GROUP BY decline_reason",
        none,
        rs -> {
          values.put("decline." + rs.getString(1), rs.getLong(2));
        });
    values.put(
        "stale",
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM offer o JOIN provider p ON p.id = o.provider_id"
                + " WHERE o.active AND p.active AND o.reported_at < :limit",
            new MapSqlParameterSource("limit", Timestamp.from(now.minus(capacity.freshness()))),
            Long.class));
    values.put(
        "undelivered",
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification WHERE delivered_at IS NULL", none, Long.class));
    return values;
  }
}
