// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.SearchAsBefore.Expected;
import de.ksi.network.District;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search ranks in SQL and answers with the best candidates: the same candidates in the same
 * order with the same free places as the search before (which returned every match and ranked in
 * Java), on H2 and on PostgreSQL.
 */
abstract class RankedSearchContract {

  private static final int SEARCHES = 150;

  @Autowired CapacitySearch search;
  @Autowired CapacityProperties properties;
  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired CapacityRegistry registry;
  @Autowired Availability availability;
  @Autowired EntityManager entities;
  @Autowired PlannedEnds plannedEnds;

  /** A caseworker of Segeberg, whose office owns the random test's cases. */
  private static final de.ksi.network.KsiUser PLANNER =
      new de.ksi.network.KsiUser("fk-seg-1", Set.of(District.SEGEBERG.groupId()));

  @Autowired ExpectedReleases releases;

  private SearchAsBefore before;
  private Instant now;

  @BeforeEach
  void fixedClock() {
    // the engine clock is the registry's clock; both searches see the same moment (reset after each
    // test)
    now =
        Instant.now()
            .minus(Duration.ofMinutes(1))
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(now));
    before = new SearchAsBefore(named, properties.freshness());
  }

  @Test
  @Transactional
  void theRegistryAsItIsIsRankedAsBefore() {
    // the search before knew no staffed places: other tests' staffed reports for tonight are
    // lifted, rolled back after
    jdbc.update("UPDATE offer SET staffed_until = NULL");
    for (SearchCriteria criteria : criteria(new Random(1), List.of(Category.values()))) {
      assertRankedAsBefore(criteria);
    }
  }

  @Test
  @Transactional
  void aLargerRegistryWithHoldsAndPlacementsIsRankedAsBefore() {
    new GeneratedRegistry(jdbc).write(250, 8, now, properties.freshness());
    int manyMatches = 0;
    for (SearchCriteria criteria : criteria(new Random(2), GeneratedRegistry.CATEGORIES)) {
      manyMatches += assertRankedAsBefore(criteria) > properties.search().maxCandidates() ? 1 : 0;
    }
    assertThat(manyMatches)
        .as("searches with more matches than one answer holds")
        .isGreaterThan(SEARCHES / 4);
  }

  @Test
  @Transactional
  void anAnswerHoldsTheBestCandidatesAndSaysHowManyFit() {
    new GeneratedRegistry(jdbc).write(250, 8, now, properties.freshness());
    SearchCriteria criteria =
        new SearchCriteria(
            District.STORMARN,
            true,
            List.of(Category.INOBHUTNAHME_GRUPPE, Category.JUGENDSCHUTZ_KRISENWOHNUNG),
            14,
            Gender.MALE,
            1);
    List<Expected> all = before.search(criteria, now);
    int max = properties.search().maxCandidates();
    assertThat(all).hasSizeGreaterThan(max);

    SearchResult answer = search.search(criteria);

    assertThat(answer.total()).isEqualTo(all.size());
    assertThat(answer.candidates()).hasSize(max);
    assertThat(answer.candidates().stream().map(Expected::of))
        .containsExactlyElementsOf(all.subList(0, max));
    assertThat(answer.candidates().stream().map(Candidate::rank)).startsWith(1, 2, 3).endsWith(max);
  }

  @Test
  @Transactional
  void offersACaseHasAskedAreLeftOutAndTheOthersKeepTheirRanks() {
    new GeneratedRegistry(jdbc).write(250, 8, now, properties.freshness());
    SearchCriteria criteria =
        new SearchCriteria(
            District.PINNEBERG,
            true,
            List.of(Category.BEREITSCHAFTSPFLEGE, Category.INOBHUTNAHME_GRUPPE),
            9,
            Gender.FEMALE,
            1);
    List<Expected> all = before.search(criteria, now);
    assertThat(all).hasSizeGreaterThan(20);
    Set<Long> asked = Set.of(all.get(0).offerId(), all.get(2).offerId(), all.get(7).offerId(), -1L);

    SearchResult answer = search.search(criteria, asked, 15);

    List<Expected> notAsked = all.stream().filter(e -> !asked.contains(e.offerId())).toList();
    assertThat(answer.total()).isEqualTo(all.size() - 3);
    assertThat(answer.candidates().stream().map(Expected::of))
        .containsExactlyElementsOf(notAsked.subList(0, 15));
    assertThat(answer.candidates().get(0).rank()).as("rank 1 was asked already").isEqualTo(2);
  }

  /**
   * The search reads an offer's placements only where one started or ended after its report ({@code
   * placements_moved_at}), and counts staffed places through the occupancy at the report. Reports
   * of free and staffed places, holds, acceptances, phone placements, ends, planned ends, expiries
   * and time passing (across nights, so staffed reports lapse), in random order on few offers:
   * after every step each offer's free count and staffed places are the ones computed in this test
   * from the rows: free as before ({@link SearchAsBefore}), at most the staffed places of the
   * latest report for the running night minus the places taken now by running placements and active
   * holds; and the free count had staff limited nothing (the Lagebild's places lacking staff).
   * Every step also moves the clock by a millisecond: two steps never share a moment, as two
   * transactions on one offer never do.
   */
  @Test
  @Transactional
  void freeCountsFollowEveryChangeOfTheRegistryAsBefore() {
    new GeneratedRegistry(jdbc).write(10, 3, now, properties.freshness());
    List<Long> offers =
        jdbc.queryForList(
            "SELECT o.id FROM offer o JOIN provider p ON p.id = o.provider_id"
                + " WHERE p.group_id LIKE 'gen-%' AND o.active AND p.active ORDER BY o.id",
            Long.class);
    Random random = new Random(7);
    List<Long> holds = new ArrayList<>();
    List<Long> placements = new ArrayList<>();
    Instant at = now;
    int looked = 0;
    int staffLimited = 0;
    for (int step = 0; step < 400; step++) {
      long offer = offers.get(random.nextInt(offers.size()));
      at = at.plusMillis(1);
      ClockUtil.setCurrentTime(Date.from(at));
      switch (random.nextInt(9)) {
        case 0 -> registry.reportAvailability(offer, random.nextInt(licensed(offer) + 1), "test");
        case 7 ->
            registry.reportAvailability(
                offer,
                random.nextInt(licensed(offer) + 1),
                random.nextInt(4) == 0 ? null : random.nextInt(licensed(offer) + 1),
                "test");
        case 8 -> {
          if (!placements.isEmpty()) {
            plannedEnds.plan(
                placements.get(random.nextInt(placements.size())),
                at.plus(Duration.ofHours(1 + random.nextInt(200))),
                PlannedEndReason.FOLLOW_UP_HELP,
                PLANNER);
          }
        }
        case 1 -> {
          try {
            holds.add(
                registry
                    .hold(offer, "SEG-2099-" + (100000 + step), 1, Duration.ofMinutes(30), "test")
                    .hold()
                    .id());
          } catch (NoPlaceFreeException full) {
            // the search said so too (compared below)
          }
        }
        case 2 ->
            activeHold(holds).ifPresent(h -> placements.add(registry.confirm(h, "test").id()));
        case 3 ->
            placements.add(
                registry
                    .placeDirect(
                        offer, "SEG-2099-" + (100000 + step), 1 + random.nextInt(2), "test")
                    .id());
        case 4 -> {
          if (!placements.isEmpty()) {
            registry.endPlacement(
                placements.remove(random.nextInt(placements.size())), "RETURN_HOME", "test");
          }
        }
        case 5 -> activeHold(holds).ifPresent(h -> registry.release(h, "test"));
        default -> {
          at = at.plus(Duration.ofMinutes(random.nextInt(random.nextInt(8) == 0 ? 600 : 45)));
          ClockUtil.setCurrentTime(Date.from(at));
        }
      }
      entities.flush();
      Map<Long, List<Integer>> expected = fromTheRows(offers, at);
      Map<Long, List<Integer>> actual = new TreeMap<>();
      availability.all(at).stream()
          .filter(o -> expected.containsKey(o.offerId()))
          .forEach(
              o ->
                  actual.put(
                      o.offerId(), Arrays.asList(o.free(), o.staffed(), o.freeWithoutStaff())));
      assertThat(actual).as("step %d", step).isEqualTo(expected);
      staffLimited += (int) actual.values().stream().filter(v -> v.get(0) < v.get(2)).count();
      assertThat(releases.all(at).stream().mapToInt(r -> r.ahead().week()).sum())
          .as("step %d", step)
          .isEqualTo(
              jdbc.queryForObject(
                  "SELECT COALESCE(SUM(places), 0) FROM placement WHERE ended_at IS NULL"
                      + " AND planned_end_at <= ?",
                  Integer.class,
                  Timestamp.from(at.plus(Duration.ofDays(7)))));
      looked +=
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM offer WHERE placements_moved_at >= reported_at AND id IN ("
                  + offers.stream()
                      .map(String::valueOf)
                      .collect(java.util.stream.Collectors.joining(","))
                  + ")",
              Integer.class);
    }
    assertThat(looked)
        .as("offers whose placements the search had to read")
        .isGreaterThan(100)
        .isLessThan(400 * offers.size());
    assertThat(staffLimited)
        .as("offer-steps where missing staff limited the free places")
        .isGreaterThan(100);
  }

  /**
   * Free places, staffed places and free places without staff of the test's offers at {@code at},
   * from the rows: {@code free} as the search before computed it, at most the staffed places
   * (latest report, if for the running night) minus the places taken now by running placements and
   * active holds.
   */
  private Map<Long, List<Integer>> fromTheRows(List<Long> offers, Instant at) {
    Timestamp now = Timestamp.from(at);
    Map<Long, Integer> staffed = new TreeMap<>();
    jdbc.query(
        "SELECT r.offer_id, r.staffed, r.reported_at FROM availability_report r JOIN offer o ON o.id = r.offer_id"
            + " AND o.reported_at = r.reported_at WHERE r.staffed IS NOT NULL",
        rs -> {
          if (Night.of(rs.getTimestamp("reported_at").toInstant()).end().isAfter(at)) {
            staffed.put(rs.getLong("offer_id"), rs.getInt("staffed"));
          }
        });
    Map<Long, Integer> taken = new TreeMap<>();
    jdbc.query(
        "SELECT offer_id, places FROM placement WHERE started_at <= ? AND (ended_at IS NULL OR ended_at > ?)"
            + " UNION ALL SELECT offer_id, places FROM hold WHERE status = 'HELD' AND expires_at > ?",
        rs -> {
          taken.merge(rs.getLong("offer_id"), rs.getInt("places"), Integer::sum);
        },
        now,
        now,
        now);
    Map<Long, List<Integer>> expected = new TreeMap<>();
    before
        .freeOfEveryOffer(at)
        .forEach(
            (id, free) -> {
              if (!offers.contains(id)) {
                return; // other tests' offers, reported at other moments
              }
              Integer tonight = staffed.get(id);
              int usable =
                  tonight == null
                      ? free
                      : Math.min(free, Math.max(0, tonight - taken.getOrDefault(id, 0)));
              expected.put(id, Arrays.asList(usable, tonight, free));
            });
    return expected;
  }

  private Optional<Long> activeHold(List<Long> holds) {
    return holds.stream().filter(h -> registry.holdView(h).status() == HoldStatus.HELD).findAny();
  }

  private int licensed(long offer) {
    return jdbc.queryForObject("SELECT licensed FROM offer WHERE id = ?", Integer.class, offer);
  }

  /** Compares the whole ranking with the search before; returns how many offers fit. */
  private int assertRankedAsBefore(SearchCriteria criteria) {
    List<Expected> expected = before.search(criteria, now);
    SearchResult everything = search.search(criteria, Set.of(), CapacityProperties.Search.LIMIT);
    assertThat(everything.candidates().stream().map(Expected::of))
        .as("%s", criteria)
        .containsExactlyElementsOf(
            expected.subList(0, Math.min(expected.size(), CapacityProperties.Search.LIMIT)));
    assertThat(everything.total()).as("%s", criteria).isEqualTo(expected.size());
    SearchResult best = search.search(criteria);
    assertThat(best.candidates())
        .as("%s", criteria)
        .containsExactlyElementsOf(
            everything
                .candidates()
                .subList(
                    0,
                    Math.min(everything.candidates().size(), properties.search().maxCandidates())));
    assertThat(best.total()).isEqualTo(expected.size());
    return expected.size();
  }

  /**
   * Random children: district, age, gender, siblings, scope, and one to three categories (sometimes
   * repeated).
   */
  private static List<SearchCriteria> criteria(Random random, List<Category> categories) {
    List<SearchCriteria> all = new ArrayList<>();
    for (int i = 0; i < SEARCHES; i++) {
      List<Category> wanted = new ArrayList<>();
      for (int c = 1 + random.nextInt(3); c > 0; c--) {
        wanted.add(categories.get(random.nextInt(categories.size())));
      }
      all.add(
          new SearchCriteria(
              District.values()[random.nextInt(District.values().length)],
              random.nextInt(3) > 0,
              wanted,
              random.nextInt(19),
              Gender.values()[random.nextInt(Gender.values().length)],
              1 + random.nextInt(3)));
    }
    return all;
  }
}
