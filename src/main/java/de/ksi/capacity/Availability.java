package de.ksi.capacity;

import de.ksi.network.District;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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

  private static final String FREE =
      """
      LEAST(o.licensed, GREATEST(0, o.reported_free
        - COALESCE((SELECT SUM(h.places) FROM hold h
                    WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > :now), 0)
        - COALESCE((SELECT SUM(pl.places) FROM placement pl
                    WHERE pl.offer_id = o.id AND pl.started_at > o.reported_at
                      AND (pl.ended_at IS NULL OR pl.ended_at > :now)), 0)
        + COALESCE((SELECT SUM(pl.places) FROM placement pl
                    WHERE pl.offer_id = o.id AND pl.started_at <= o.reported_at
                      AND pl.ended_at > o.reported_at AND pl.ended_at <= :now), 0)))
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

  /** Offers in the given districts and categories that fit age, gender and sibling group and have room. */
  List<OfferRow> candidates(
      Collection<District> districts, Collection<Category> categories, int age, Gender gender, int siblings, Instant now) {
    CandidateQuery query = candidateQuery(districts, categories, age, gender, siblings, now);
    return jdbc.query(query.sql(), query.params(), Availability::row);
  }

  /** The one statement of a search, with its parameters (also for looking at its plan: EXPLAIN). */
  static CandidateQuery candidateQuery(
      Collection<District> districts, Collection<Category> categories, int age, Gender gender, int siblings, Instant now) {
    String genderColumn =
        switch (gender) {
          case FEMALE -> "o.accepts_female";
          case MALE -> "o.accepts_male";
          case DIVERSE -> "o.accepts_diverse";
        };
    String sql =
        "SELECT * FROM ("
            + SELECT
            + " AND p.district IN (:districts) AND o.category IN (:categories)"
            + " AND o.min_age <= :age AND o.max_age >= :age AND o.max_siblings >= :siblings AND "
            + genderColumn
            + ") c WHERE c.free >= :siblings";
    var params =
        new MapSqlParameterSource("now", Timestamp.from(now))
            .addValue("districts", districts.stream().map(Enum::name).toList())
            .addValue("categories", categories.stream().map(Enum::name).toList())
            .addValue("age", age)
            .addValue("siblings", siblings);
    return new CandidateQuery(sql, params);
  }

  /** A search statement and its named parameters. */
  record CandidateQuery(String sql, MapSqlParameterSource params) {}

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
