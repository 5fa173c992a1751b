// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vacancies ahead: places of running placements with a planned end within the next 7 days (a
 * planned end already passed counts as within 24 hours: the child is about to leave). They are
 * never free now; the free count ({@link Availability}) frees a place only when its placement
 * really ends.
 */
@Component
class ExpectedReleases {

  static final Duration SOON = Duration.ofHours(24);
  static final Duration WEEK = Duration.ofDays(7);

  private static final String PER_OFFER =
      "SELECT pl.offer_id, SUM(CASE WHEN pl.planned_end_at <= :soon THEN pl.places ELSE 0 END) AS soon,"
          + " SUM(pl.places) AS week, MIN(pl.planned_end_at) AS earliest FROM placement pl"
          + " WHERE pl.ended_at IS NULL AND pl.planned_end_at <= :week";

  private final NamedParameterJdbcTemplate jdbc;

  ExpectedReleases(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The expected releases of the given offers, by offer id (offers without any are missing). */
  Map<Long, Ahead> ofOffers(Collection<Long> offerIds, Instant now) {
    if (offerIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .query(
            PER_OFFER + " AND pl.offer_id IN (:ids) GROUP BY pl.offer_id",
            params(now).addValue("ids", List.copyOf(offerIds)),
            ExpectedReleases::ahead)
        .stream()
        .collect(Collectors.toMap(Ahead::offerId, Function.identity()));
  }

  /**
   * The expected releases of every active offer of an active provider, with its district and
   * category.
   */
  List<Located> all(Instant now) {
    return jdbc.query(
        "SELECT a.*, o.category, p.district FROM ("
            + PER_OFFER
            + " GROUP BY pl.offer_id) a"
            + " JOIN offer o ON o.id = a.offer_id JOIN provider p ON p.id = o.provider_id WHERE o.active AND p.active",
        params(now),
        (rs, n) ->
            new Located(
                District.valueOf(rs.getString("district")),
                Category.valueOf(rs.getString("category")),
                ahead(rs, n)));
  }

  /**
   * Fitting offers (whether or not a place is free now) with places expected free within 7 days,
   * the earliest first.
   */
  List<VacancyAhead> fitting(SearchCriteria criteria, Instant now) {
    String genderColumn =
        switch (criteria.gender()) {
          case FEMALE -> "o.accepts_female";
          case MALE -> "o.accepts_male";
          case DIVERSE -> "o.accepts_diverse";
        };
    List<District> districts =
        criteria.networkWide() ? List.of(District.values()) : List.of(criteria.district());
    var params =
        params(now)
            .addValue("districts", districts.stream().map(Enum::name).toList())
            .addValue("categories", criteria.categories().stream().map(Enum::name).toList())
            .addValue("age", criteria.age())
            .addValue("siblings", criteria.siblings());
    return jdbc.query(
        "SELECT a.*, o.category, p.id AS provider_id, p.name, p.district FROM ("
            + PER_OFFER
            + " GROUP BY pl.offer_id) a JOIN offer o ON o.id = a.offer_id JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active AND p.active AND p.district IN (:districts) AND o.category IN (:categories)"
            + " AND o.min_age <= :age AND o.max_age >= :age AND o.max_siblings >= :siblings AND "
            + genderColumn
            + " ORDER BY a.earliest, a.offer_id",
        params,
        (rs, n) -> {
          District district = District.valueOf(rs.getString("district"));
          Category category = Category.valueOf(rs.getString("category"));
          Ahead ahead = ahead(rs, n);
          return new VacancyAhead(
              ahead.offerId(),
              rs.getLong("provider_id"),
              rs.getString("name"),
              district,
              district.label(),
              category,
              category.label(),
              ahead.soon(),
              ahead.week(),
              ahead.earliest(),
              district == criteria.district());
        });
  }

  private static MapSqlParameterSource params(Instant now) {
    return new MapSqlParameterSource("soon", Timestamp.from(now.plus(SOON)))
        .addValue("week", Timestamp.from(now.plus(WEEK)));
  }

  private static Ahead ahead(ResultSet rs, int n) throws SQLException {
    return new Ahead(
        rs.getLong("offer_id"),
        rs.getInt("soon"),
        rs.getInt("week"),
        rs.getTimestamp("earliest").toInstant());
  }

  /**
   * Places of one offer expected free within 24 hours and within 7 days (the latter includes the
   * former).
   */
  record Ahead(long offerId, int soon, int week, Instant earliest) {}

  /** {@link Ahead} with where the offer is. */
  record Located(District district, Category category, Ahead ahead) {}
}
