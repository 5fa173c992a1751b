package de.ksi.capacity;

import de.ksi.network.District;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that computes how many places of an offer are free: the reported count minus active
 * holds and the placements begun since the report, plus placements that ended since the report. Holds
 * count only until they expire, so an expired hold frees its place without anyone cleaning up.
 */
@Component
class Availability {

  /**
   * Free places of offer {@code o} at {@code :now}: one subquery sums its active holds, one the placements
   * that changed its count since the report (begun since and still running: minus; begun before and ended
   * since: plus). Placements that began and ended before the report are already in the reported count.
   */
  private static final String FREE =
      """
      LEAST(o.licensed, GREATEST(0, o.reported_free
        - COALESCE((SELECT SUM(h.places) FROM hold h
                    WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > :now), 0)
        + COALESCE((SELECT SUM(CASE
                      WHEN pl.started_at > o.reported_at
                        THEN CASE WHEN pl.ended_at IS NULL OR pl.ended_at > :now THEN -pl.places ELSE 0 END
                      WHEN pl.ended_at <= :now THEN pl.places
                      ELSE 0 END)
                    FROM placement pl
                    WHERE pl.offer_id = o.id AND (pl.started_at > o.reported_at OR pl.ended_at > o.reported_at)), 0)))
      """;

  private static final String SELECT =
      "SELECT o.id, o.category, o.min_age, o.max_age, o.accepts_female, o.accepts_male, o.accepts_diverse,"
          + " o.max_siblings, o.licensed, o.reported_at, p.id AS provider_id, p.name, p.district, p.phone_24h, "
          + FREE
          + " AS free FROM offer o JOIN provider p ON p.id = o.provider_id WHERE o.active AND p.active";

  private final NamedParameterJdbcTemplate jdbc;

  Availability(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int freePlaces(long offerId, Instant now) {
    var params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("id", offerId);
    Integer free =
        jdbc.queryForObject("SELECT " + FREE + " FROM offer o WHERE o.id = :id", params, Integer.class);
    return free == null ? 0 : free;
  }

  /**
   * The best {@code limit} offers that fit the criteria and have room, ranked, leaving out {@code leaveOut}, with
   * the number of all that fit apart from those left out.
   */
  Ranked candidates(SearchCriteria criteria, Collection<Long> leaveOut, int limit, Instant now, Instant staleBefore) {
    CandidateQuery query = candidateQuery(criteria, leaveOut, limit, now, staleBefore);
    List<Counted> rows =
        jdbc.query(query.sql(), query.params(),
            (rs, n) -> new Counted(rs.getInt("total"), new RankedRow(rs.getInt("search_rank"), row(rs, n))));
    return new Ranked(rows.isEmpty() ? 0 : rows.get(0).total(), rows.stream().map(Counted::row).toList());
  }

  /** A row of the search statement: the count of all fitting offers comes with every row. */
  private record Counted(int total, RankedRow row) {}

  /**
   * The one statement of a search, with its parameters (also for looking at its plan: EXPLAIN). Free places are
   * computed once per fitting offer (the {@code OFFSET 0} keeps PostgreSQL from copying the expression into the
   * filter); the ranking is the order caseworkers see: own district first, fresh reports before stale ones,
   * preferred categories before others, then the most free places, the newest report and the offer id. Ranks
   * count every fitting offer, also those left out, so a case sees the same numbers as the registry's search.
   */
  static CandidateQuery candidateQuery(
      SearchCriteria criteria, Collection<Long> leaveOut, int limit, Instant now, Instant staleBefore) {
    String genderColumn =
        switch (criteria.gender()) {
          case FEMALE -> "o.accepts_female";
          case MALE -> "o.accepts_male";
          case DIVERSE -> "o.accepts_diverse";
        };
    List<District> districts =
        criteria.networkWide() ? List.of(District.values()) : List.of(criteria.district());
    var params =
        new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("districts", districts.stream().map(Enum::name).toList())
            .addValue("categories", criteria.categories().stream().map(Enum::name).toList())
            .addValue("age", criteria.age())
            .addValue("siblings", criteria.siblings())
            .addValue("own", criteria.district().name())
            .addValue("staleBefore", Timestamp.from(staleBefore))
            .addValue("limit", limit);
    StringBuilder preference = new StringBuilder("CASE");
    for (Category category : new LinkedHashSet<>(criteria.categories())) {
      int index = criteria.categories().indexOf(category);
      preference.append(" WHEN c.category = :category").append(index).append(" THEN ").append(index);
      params.addValue("category" + index, category.name());
    }
    preference.append(" END");
    String sql =
        "SELECT r.*, COUNT(*) OVER () AS total FROM (SELECT c.*, ROW_NUMBER() OVER (ORDER BY"
            + " CASE WHEN c.district = :own THEN 0 ELSE 1 END,"
            + " CASE WHEN c.reported_at < :staleBefore THEN 1 ELSE 0 END, "
            + preference
            + ", c.free DESC, c.reported_at DESC, c.id) AS search_rank FROM ("
            + SELECT
            + " AND p.district IN (:districts) AND o.category IN (:categories)"
            + " AND o.min_age <= :age AND o.max_age >= :age AND o.max_siblings >= :siblings AND "
            + genderColumn
            + " OFFSET 0 ROWS) c WHERE c.free >= :siblings) r"
            + (leaveOut.isEmpty() ? "" : " WHERE r.id NOT IN (:leaveOut)")
            + " ORDER BY r.search_rank FETCH FIRST :limit ROWS ONLY";
    if (!leaveOut.isEmpty()) {
      params.addValue("leaveOut", List.copyOf(leaveOut));
    }
    return new CandidateQuery(sql, params);
  }

  /** A search statement and its named parameters. */
  record CandidateQuery(String sql, MapSqlParameterSource params) {}

  /** The best candidates of a search with their ranks, and how many offers fit in total. */
  record Ranked(int total, List<RankedRow> rows) {}

  /** An offer and its place in the ranking (1 for the best). */
  record RankedRow(int rank, OfferRow row) {}

  /** Every active offer with its free count: the raw material of the Lagebild. */
  List<OfferRow> all(Instant now) {
    return jdbc.query(SELECT, new MapSqlParameterSource("now", Timestamp.from(now)), Availability::row);
  }

  /** Active offers whose last report was made before {@code limit}, the oldest first. */
  List<StaleRow> staleSince(Instant limit) {
    return jdbc.query(
        "SELECT o.id, o.category, o.reported_at, p.id AS provider_id, p.name, p.group_id, p.district"
            + " FROM offer o JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active AND p.active AND o.reported_at < :limit ORDER BY o.reported_at, o.id",
        new MapSqlParameterSource("limit", Timestamp.from(limit)),
        (rs, n) -> new StaleRow(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("name"), rs.getString("group_id"),
            District.valueOf(rs.getString("district")), Category.valueOf(rs.getString("category")),
            rs.getTimestamp("reported_at").toInstant()));
  }

  /** An offer with an old report and whom to remind. */
  record StaleRow(long offerId, long providerId, String providerName, String providerGroup, District district,
      Category category, Instant reportedAt) {}

  private static OfferRow row(ResultSet rs, int rowNum) throws SQLException {
    return new OfferRow(
        rs.getLong("id"),
        rs.getLong("provider_id"),
        rs.getString("name"),
        District.valueOf(rs.getString("district")),
        rs.getString("phone_24h"),
        Category.valueOf(rs.getString("category")),
        rs.getInt("min_age"),
        rs.getInt("max_age"),
        rs.getInt("max_siblings"),
        rs.getInt("licensed"),
        rs.getInt("free"),
        rs.getTimestamp("reported_at").toInstant());
  }

  /** One offer as the search sees it. */
  record OfferRow(
      long offerId,
      long providerId,
      String providerName,
      District district,
      String phone24h,
      Category category,
      int minAge,
      int maxAge,
      int maxSiblings,
      int licensed,
      int free,
      Instant reportedAt) {}
}
