// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.enginetuning.WritesAtCommit;
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
 * holds and the placements begun since the report, plus placements that ended since the report.
 * Holds count only until they expire, so an expired hold frees its place without anyone cleaning
 * up. Where the provider reported how many places it can staff tonight, the count is also at most
 * those staffed places minus the places taken (running placements and active holds): free =
 * min(licensed, free as reported and corrected, staffed − taken).
 */
@Component
class Availability {

  /**
   * Active holds per offer, to be joined as {@code held}: few at any time, since a hold lasts at
   * most {@code ksi.capacity.max-hold}, and found by {@code ix_hold_status_expiry} however long the
   * history grows.
   */
  private static final String ACTIVE_HOLDS =
      " LEFT JOIN (SELECT h.offer_id, SUM(h.places) AS places FROM hold h"
          + " WHERE h.status = 'HELD' AND h.expires_at > :now GROUP BY h.offer_id) held ON held.offer_id = o.id";

  /**
   * The reported free count, or where the staffed places reported for the running night are fewer,
   * those staffed places minus the places taken by running placements at the report ({@code
   * staffed_free}). The holds and placements since the report change both alike, so {@link #FREE}
   * corrects the smaller of the two: that is min(free, staffed − taken now), with one expression
   * and no further lookup.
   */
  private static final String REPORTED_OR_STAFFED =
      "CASE WHEN o.staffed_until > :now AND o.staffed_free < o.reported_free THEN o.staffed_free ELSE o.reported_free END";

  /**
   * Free places of offer {@code o} at {@code :now} (needs {@link #ACTIVE_HOLDS}): the reported
   * count (or the staffed places left, {@link #REPORTED_OR_STAFFED}) minus its active holds, plus
   * the placements that changed the count since the report (begun since and still running: minus;
   * begun before and ended since: plus). Placements that began and ended before the report are
   * already in the reported count. The clock ticks in milliseconds: a placement begun in the
   * report's millisecond counts as begun after it, one ended in it as not ended by then, so a
   * coincidence never shows a place as free that is taken. The placements are looked up only where
   * one started or ended after the report ({@code placements_moved_at}, kept by {@link
   * #placementMoved}); for all other offers they change nothing.
   */
  private static final String FREE = free(REPORTED_OR_STAFFED);

  /**
   * {@link #FREE} as if staff limited nothing: what the Lagebild shows as lost to missing staff,
   * beside it.
   */
  private static final String FREE_WITHOUT_STAFF = free("o.reported_free");

  private static String free(String reported) {
    return """
      LEAST(o.licensed, GREATEST(0, %s - COALESCE(held.places, 0)
        + CASE WHEN o.placements_moved_at >= o.reported_at THEN COALESCE((SELECT SUM(CASE
                      WHEN pl.started_at >= o.reported_at
                        THEN CASE WHEN pl.ended_at IS NULL OR pl.ended_at > :now THEN -pl.places ELSE 0 END
                      WHEN pl.ended_at <= :now THEN pl.places
                      ELSE 0 END)
                    FROM placement pl
                    WHERE pl.offer_id = o.id AND (pl.started_at >= o.reported_at OR pl.ended_at > o.reported_at)), 0)
          ELSE 0 END))
      """
        .formatted(reported);
  }

  /**
   * The latest start or end of each offer's placements, from the placements themselves; only offers
   * with a placement that started or ended later than their {@code placements_moved_at} are
   * written.
   */
  private static final String MOVED_FROM_PLACEMENTS =
      "UPDATE offer SET placements_moved_at = (SELECT MAX(CASE WHEN pl.ended_at > pl.started_at THEN pl.ended_at"
          + " ELSE pl.started_at END) FROM placement pl WHERE pl.offer_id = offer.id)"
          + " WHERE EXISTS (SELECT 1 FROM placement pl WHERE pl.offer_id = offer.id AND (offer.placements_moved_at IS NULL"
          + " OR pl.started_at > offer.placements_moved_at OR pl.ended_at > offer.placements_moved_at))";

  /** The columns {@link #row} reads besides {@code free} and {@code free_without_staff}. */
  private static final String ROW_COLUMNS =
      "o.id, o.category, o.min_age, o.max_age, o.max_siblings, o.licensed, o.reported_at, p.id AS provider_id, p.name,"
          + " p.district, p.phone_24h, CASE WHEN o.staffed_until > :now THEN o.staffed END AS staffed";

  /**
   * Active offers of active providers with their active holds (for {@link #FREE}), ready for more
   * conditions.
   */
  private static final String ACTIVE_OFFERS =
      " FROM offer o JOIN provider p ON p.id = o.provider_id"
          + ACTIVE_HOLDS
          + " WHERE o.active AND p.active";

  private static final String SELECT =
      "SELECT "
          + ROW_COLUMNS
          + ", "
          + FREE
          + " AS free, "
          + FREE_WITHOUT_STAFF
          + " AS free_without_staff"
          + ACTIVE_OFFERS;

  /**
   * For a candidate (free ≥ 1, so the count is not cut at zero): its free places had staff limited
   * nothing. Where the staffed places were the smaller, the corrections since the report are {@code
   * free − staffed_free}; added to the reported free count they give the count without staff.
   */
  private static final String CANDIDATE_WITHOUT_STAFF =
      "CASE WHEN o.staffed_until > :now AND o.staffed_free < o.reported_free"
          + " THEN LEAST(o.licensed, r.free + o.reported_free - o.staffed_free) ELSE r.free END AS free_without_staff";

  private final NamedParameterJdbcTemplate jdbc;

  /**
   * The moments placements moved, written at commit: the update locks the offer's row, and holds on
   * the offer wait for that lock.
   */
  private final WritesAtCommit<Long, Instant> placementsMoved;

  Availability(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.placementsMoved = new WritesAtCommit<>((a, b) -> a.isAfter(b) ? a : b, this::writeMoved);
  }

  /**
   * A placement of the offer started or ended at {@code at}: from now on the free count looks at
   * its placements until the next report. Written in the transaction that writes the placement, so
   * a search sees both or neither, but only when that transaction commits: the update locks the
   * offer's row, and holds on the offer wait for that lock, so it is taken for the commit only, not
   * for all the process work that follows a confirmation or the end of a placement. Reads of free
   * places in the same transaction write it first. Without a transaction it is written at once. The
   * moment only moves forward.
   */
  void placementMoved(long offerId, Instant at) {
    placementsMoved.note(offerId, at);
  }

  private void writeMoved(long offerId, Instant at) {
    jdbc.update(
        "UPDATE offer SET placements_moved_at = :at WHERE id = :id"
            + " AND (placements_moved_at IS NULL OR placements_moved_at < :at)",
        new MapSqlParameterSource("at", Timestamp.from(at)).addValue("id", offerId));
  }

  /**
   * Sets every offer's {@code placements_moved_at} from its stored placements (after placements
   * were written by SQL).
   */
  void placementsImported() {
    jdbc.update(MOVED_FROM_PLACEMENTS, new MapSqlParameterSource());
  }

  /** The free places of one offer now, and how many there were had staff limited nothing. */
  FreeCount freeCount(long offerId, Instant now) {
    placementsMoved.flush(offerId);
    var params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("id", offerId);
    List<FreeCount> counts =
        jdbc.query(
            "SELECT "
                + FREE
                + " AS free, "
                + FREE_WITHOUT_STAFF
                + " AS free_without_staff"
                + " FROM offer o"
                + ACTIVE_HOLDS
                + " WHERE o.id = :id",
            params,
            (rs, n) -> new FreeCount(rs.getInt("free"), rs.getInt("free_without_staff")));
    return counts.isEmpty() ? new FreeCount(0, 0) : counts.get(0);
  }

  /**
   * Free places, and the free places had staff limited nothing ({@code withoutStaff} ≥ {@code
   * free}).
   */
  record FreeCount(int free, int withoutStaff) {}

  int freePlaces(long offerId, Instant now) {
    placementsMoved.flush(offerId);
    var params = new MapSqlParameterSource("now", Timestamp.from(now)).addValue("id", offerId);
    Integer free =
        jdbc.queryForObject(
            "SELECT " + FREE + " FROM offer o" + ACTIVE_HOLDS + " WHERE o.id = :id",
            params,
            Integer.class);
    return free == null ? 0 : free;
  }

  /**
   * The best {@code limit} offers that fit the criteria and have room, ranked, leaving out {@code
   * leaveOut}, with the number of all that fit apart from those left out. Ranks count every fitting
   * offer, also those left out, so a case sees the same numbers as the registry's search.
   */
  Ranked candidates(
      SearchCriteria criteria,
      Collection<Long> leaveOut,
      int limit,
      Instant now,
      Instant staleBefore) {
    placementsMoved.flushAll();
    CandidateQuery query = candidateQuery(criteria, leaveOut, limit, now, staleBefore);
    List<Counted> rows =
        jdbc.query(
            query.sql(),
            query.params(),
            (rs, n) ->
                new Counted(
                    rs.getInt("total"), rs.getInt("left_out"), new RankedRow(n + 1, row(rs, n))));
    List<RankedRow> best =
        rows.stream()
            .map(Counted::row)
            .filter(r -> !leaveOut.contains(r.row().offerId()))
            .limit(limit)
            .toList();
    return new Ranked(rows.isEmpty() ? 0 : rows.get(0).total() - rows.get(0).leftOut(), best);
  }

  /**
   * A row of the search statement: how many offers fit, and how many of them are left out, come
   * with every row.
   */
  private record Counted(int total, int leftOut, RankedRow row) {}

  /**
   * The one statement of a search, with its parameters (also for looking at its plan: EXPLAIN): the
   * offers that fit, in the order caseworkers see (the fewest unmet special needs first, see {@link
   * NeedsFit}; then own district first, fresh reports before stale ones, preferred categories
   * before others, then the most free places, the newest report and the offer id), as many as
   * {@code limit} plus the offers to leave out, which may be among them. Free places are computed
   * once per fitting offer: the {@code OFFSET 0} keeps PostgreSQL from copying the expression into
   * the filter. Counting and ranking work on narrow rows (id, sort keys, free places); the other
   * columns of the offer and its provider are read for the best rows only.
   */
  static CandidateQuery candidateQuery(
      SearchCriteria criteria,
      Collection<Long> leaveOut,
      int limit,
      Instant now,
      Instant staleBefore) {
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
            .addValue("rows", limit + leaveOut.size());
    if (!leaveOut.isEmpty()) {
      params.addValue("leaveOut", List.copyOf(leaveOut));
    }
    StringBuilder preference = new StringBuilder("CASE");
    for (Category category : new LinkedHashSet<>(criteria.categories())) {
      int index = criteria.categories().indexOf(category);
      preference
          .append(" WHEN c.category = :category")
          .append(index)
          .append(" THEN ")
          .append(index);
      params.addValue("category" + index, category.name());
    }
    preference.append(" END");
    String sql =
        "SELECT "
            + ROW_COLUMNS
            + ", r.free, "
            + CANDIDATE_WITHOUT_STAFF
            + ", r.total, r.left_out FROM ("
            + "SELECT c.*, COUNT(*) OVER () AS total, "
            + (leaveOut.isEmpty()
                ? "0"
                : "SUM(CASE WHEN c.id IN (:leaveOut) THEN 1 ELSE 0 END) OVER ()")
            + " AS left_out, CASE WHEN c.district = :own THEN 0 ELSE 1 END AS own_last,"
            + " CASE WHEN c.reported_at < :staleBefore THEN 1 ELSE 0 END AS stale_last, "
            + preference
            + " AS preferred FROM (SELECT o.id, o.reported_at, o.category, p.district, "
            + NeedsFit.unmet(criteria.needs(), params)
            + " AS unmet, "
            + FREE
            + " AS free"
            + ACTIVE_OFFERS
            + " AND p.district IN (:districts) AND o.category IN (:categories)"
            + " AND o.min_age <= :age AND o.max_age >= :age AND o.max_siblings >= :siblings AND "
            + genderColumn
            + " OFFSET 0 ROWS) c WHERE c.free >= :siblings"
            + " ORDER BY c.unmet, own_last, stale_last, preferred, c.free DESC, c.reported_at DESC, c.id"
            + " FETCH FIRST :rows ROWS ONLY) r"
            + " JOIN offer o ON o.id = r.id JOIN provider p ON p.id = o.provider_id"
            + " ORDER BY r.unmet, r.own_last, r.stale_last, r.preferred, r.free DESC, r.reported_at DESC, r.id";
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
    placementsMoved.flushAll();
    return jdbc.query(
        SELECT, new MapSqlParameterSource("now", Timestamp.from(now)), Availability::row);
  }

  /** Active offers whose last report was made before {@code limit}, the oldest first. */
  List<StaleRow> staleSince(Instant limit) {
    return jdbc.query(
        "SELECT o.id, o.category, o.reported_at, p.id AS provider_id, p.name, p.group_id, p.district"
            + " FROM offer o JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active AND p.active AND o.reported_at < :limit ORDER BY o.reported_at, o.id",
        new MapSqlParameterSource("limit", Timestamp.from(limit)),
        (rs, n) ->
            new StaleRow(
                rs.getLong("id"),
                rs.getLong("provider_id"),
                rs.getString("name"),
                rs.getString("group_id"),
                District.valueOf(rs.getString("district")),
                Category.valueOf(rs.getString("category")),
                rs.getTimestamp("reported_at").toInstant()));
  }

  /** An offer with an old report and whom to remind. */
  record StaleRow(
      long offerId,
      long providerId,
      String providerName,
      String providerGroup,
      District district,
      Category category,
      Instant reportedAt) {}

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
        rs.getInt("free_without_staff"),
        rs.getObject("staffed", Integer.class),
        rs.getTimestamp("reported_at").toInstant());
  }

  /**
   * One offer as the search sees it.
   *
   * @param free free places: the smaller of licensed, free and staffed − taken
   * @param freeWithoutStaff the free places had staff limited nothing (equal to {@code free} where
   *     it does not)
   * @param staffed the staffed places reported for the running night; null if none were
   */
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
      int freeWithoutStaff,
      Integer staffed,
      Instant reportedAt) {}
}
