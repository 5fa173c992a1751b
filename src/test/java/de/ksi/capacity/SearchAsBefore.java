// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The place search as it was before it ranked in SQL (commit cf5ebcc): every fitting offer, free
 * places from three correlated subqueries, ranked in Java. Kept as the reference the ranking tests
 * compare against; since 2026-12-05 a placement begun in its report's millisecond counts as begun
 * after the report here too (see {@code Availability}).
 */
final class SearchAsBefore {

  private static final String FREE =
      """
      LEAST(o.licensed, GREATEST(0, o.reported_free
        - COALESCE((SELECT SUM(h.places) FROM hold h
                    WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > :now), 0)
        - COALESCE((SELECT SUM(pl.places) FROM placement pl
                    WHERE pl.offer_id = o.id AND pl.started_at >= o.reported_at
                      AND (pl.ended_at IS NULL OR pl.ended_at > :now)), 0)
        + COALESCE((SELECT SUM(pl.places) FROM placement pl
                    WHERE pl.offer_id = o.id AND pl.started_at < o.reported_at
                      AND pl.ended_at > o.reported_at AND pl.ended_at <= :now), 0)))
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final Duration freshness;

  SearchAsBefore(NamedParameterJdbcTemplate jdbc, Duration freshness) {
    this.jdbc = jdbc;
    this.freshness = freshness;
  }

  /** Every fitting offer with room, best first, with its rank, as the caseworker saw it before. */
  List<Expected> search(SearchCriteria criteria, Instant now) {
    String genderColumn =
        switch (criteria.gender()) {
          case FEMALE -> "o.accepts_female";
          case MALE -> "o.accepts_male";
          case DIVERSE -> "o.accepts_diverse";
        };
    var districts =
        criteria.networkWide() ? EnumSet.allOf(District.class) : EnumSet.of(criteria.district());
    String sql =
        "SELECT * FROM (SELECT o.id, o.reported_at, p.district, o.category, "
            + FREE
            + " AS free FROM offer o JOIN provider p ON p.id = o.provider_id WHERE o.active AND p.active"
            + " AND p.district IN (:districts) AND o.category IN (:categories)"
            + " AND o.min_age <= :age AND o.max_age >= :age AND o.max_siblings >= :siblings AND "
            + genderColumn
            + ") c WHERE c.free >= :siblings";
    var params =
        new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("districts", districts.stream().map(Enum::name).toList())
            .addValue("categories", criteria.categories().stream().map(Enum::name).toList())
            .addValue("age", criteria.age())
            .addValue("siblings", criteria.siblings());
    List<Row> rows =
        jdbc.query(
            sql,
            params,
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    District.valueOf(rs.getString("district")),
                    Category.valueOf(rs.getString("category")),
                    rs.getInt("free"),
                    rs.getTimestamp("reported_at").toInstant()));
    Comparator<Row> ranking =
        Comparator.<Row>comparingInt(r -> r.district() == criteria.district() ? 0 : 1)
            .thenComparingInt(r -> isStale(r, now) ? 1 : 0)
            .thenComparingInt(r -> criteria.categories().indexOf(r.category()))
            .thenComparing(Comparator.comparingInt(Row::free).reversed())
            .thenComparing(Comparator.comparing(Row::reportedAt).reversed())
            .thenComparingLong(Row::offerId);
    List<Row> ranked = rows.stream().sorted(ranking).toList();
    return IntStream.range(0, ranked.size())
        .mapToObj(
            i -> {
              Row r = ranked.get(i);
              return new Expected(
                  i + 1,
                  r.offerId(),
                  r.free(),
                  isStale(r, now),
                  r.district() == criteria.district());
            })
        .toList();
  }

  /**
   * The free places of every active offer at {@code now}, by offer id, computed from all its holds
   * and placements.
   */
  Map<Long, Integer> freeOfEveryOffer(Instant now) {
    Map<Long, Integer> free = new TreeMap<>();
    jdbc.query(
        "SELECT o.id, "
            + FREE
            + " AS free FROM offer o JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active AND p.active",
        new MapSqlParameterSource("now", Timestamp.from(now)),
        (ResultSet rs) -> {
          free.put(rs.getLong("id"), rs.getInt("free"));
        });
    return free;
  }

  private boolean isStale(Row row, Instant now) {
    return row.reportedAt().plus(freshness).isBefore(now);
  }

  /** What a caseworker sees of a candidate that decides its place in the list. */
  record Expected(int rank, long offerId, int free, boolean stale, boolean ownDistrict) {

    static Expected of(Candidate c) {
      return new Expected(c.rank(), c.offerId(), c.free(), c.stale(), c.ownDistrict());
    }
  }

  private record Row(
      long offerId, District district, Category category, int free, Instant reportedAt) {}
}
