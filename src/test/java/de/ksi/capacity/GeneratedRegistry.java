// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A larger registry written by JDBC for ranking tests: providers in every district, offers with few
 * distinct report times and free counts (so the tie-breakers decide), fresh, stale and
 * exactly-at-the-limit reports, and holds and placements of every kind the free-place arithmetic
 * distinguishes. Meant to run inside a test transaction that rolls it back.
 */
final class GeneratedRegistry {

  /** Categories the generated offers use: few, so that searches find many offers. */
  static final List<Category> CATEGORIES =
      List.of(
          Category.INOBHUTNAHME_GRUPPE,
          Category.BEREITSCHAFTSPFLEGE,
          Category.KLEINKIND_NOTAUFNAHME,
          Category.MAEDCHENSCHUTZ,
          Category.JUGENDSCHUTZ_KRISENWOHNUNG);

  private final JdbcTemplate jdbc;
  private final Random random = new Random(6);

  GeneratedRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes {@code providers} providers with {@code offersEach} offers each, as seen at {@code now}.
   */
  void write(int providers, int offersEach, Instant now, Duration freshness) {
    Timestamp at = Timestamp.from(now);
    String run = Long.toString(System.nanoTime(), 36);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < providers; i++) {
      District district = District.values()[i % District.values().length];
      rows.add(
          new Object[] {
            "Generiert " + run + "-" + i,
            district.name(),
            "Generierter Weg " + i,
            "04551 999 " + i,
            "gen" + i + "@test.example.org",
            "gen-" + run + "-" + i,
            at,
            at
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO provider (name, district, address, phone_24h, email, group_id, active, created_at,"
            + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, 0)",
        rows);
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM provider WHERE group_id LIKE ?", Long.class, "gen-" + run + "-%");
    Instant[] reportTimes = {
      now,
      now.minus(Duration.ofHours(3)),
      now.minus(freshness),
      now.minus(freshness).minusMillis(1),
      now.minus(freshness.multipliedBy(2))
    };
    List<Object[]> offers = new ArrayList<>();
    for (long provider : ids) {
      for (int i = 0; i < offersEach; i++) {
        int licensed = 1 + random.nextInt(4);
        int minAge = random.nextInt(3) * 6;
        offers.add(
            new Object[] {
              provider,
              CATEGORIES.get(random.nextInt(CATEGORIES.size())).name(),
              minAge,
              Math.min(27, minAge + 6 + random.nextInt(12)),
              random.nextInt(10) < 8,
              random.nextInt(10) < 8,
              random.nextBoolean(),
              1 + random.nextInt(3),
              licensed,
              random.nextInt(licensed + 1),
              Timestamp.from(reportTimes[random.nextInt(reportTimes.length)]),
              "gen-" + run,
              random.nextInt(20) > 0
            });
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO offer (provider_id, category, min_age, max_age, accepts_female, accepts_male,"
            + " accepts_diverse, max_siblings, licensed, reported_free, reported_at, reported_by, active, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        offers);
    occupy(run, now);
  }

  /**
   * Holds (active, expired, decided) and placements (before, across and after the report) on some
   * offers.
   */
  private void occupy(String run, Instant now) {
    List<Object[]> offers =
        jdbc.query(
            "SELECT id, reported_at FROM offer WHERE reported_by = ?",
            (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()},
            "gen-" + run);
    List<Object[]> holds = new ArrayList<>();
    List<Object[]> placements = new ArrayList<>();
    String[] statuses = {"HELD", "HELD", "HELD", "CONFIRMED", "DECLINED", "RELEASED", "EXPIRED"};
    for (Object[] offer : offers) {
      long id = (Long) offer[0];
      Instant reported = (Instant) offer[1];
      if (random.nextInt(4) == 0) {
        Instant expires =
            random.nextBoolean()
                ? now.plus(Duration.ofMinutes(20))
                : now.minus(Duration.ofMinutes(20));
        holds.add(
            new Object[] {
              id,
              "GEN-" + id,
              1 + random.nextInt(2),
              statuses[random.nextInt(statuses.length)],
              Timestamp.from(now.minus(Duration.ofHours(1))),
              Timestamp.from(expires)
            });
      }
      if (random.nextInt(3) == 0) {
        Instant before = reported.minus(Duration.ofHours(30));
        Instant between = reported.plus(Duration.between(reported, now).dividedBy(2));
        Instant[][] spans = {
          {reported.plusMillis(1), null}, // begun since the report, running
          {reported.plusMillis(1), between}, // begun and ended since the report
          {between, now.plus(Duration.ofHours(1))}, // begun since, ends later
          {before, between}, // begun before, ended since the report: frees its place
          {before, null}, // begun before, running: already in the report
          {before, reported.minus(Duration.ofHours(1))}, // begun and ended before the report
          {before, now.plus(Duration.ofHours(1))}, // begun before, ends later
          {reported, reported} // begun and ended exactly at the report
        };
        Instant[] span = spans[random.nextInt(spans.length)];
        placements.add(
            new Object[] {
              id,
              "GEN-" + id,
              1 + random.nextInt(2),
              Timestamp.from(span[0]),
              span[1] == null ? null : Timestamp.from(span[1])
            });
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO hold (offer_id, case_reference, places, status, created_at, created_by, expires_at,"
            + " version) VALUES (?, ?, ?, ?, ?, 'test', ?, 0)",
        holds);
    jdbc.batchUpdate(
        "INSERT INTO placement (offer_id, case_reference, places, started_at, ended_at, created_by,"
            + " version) VALUES (?, ?, ?, ?, ?, 'test', 0)",
        placements);
    // written past the registry, as an import would: the offers learn when their placements last
    // moved
    new Availability(new NamedParameterJdbcTemplate(jdbc)).placementsImported();
  }
}
