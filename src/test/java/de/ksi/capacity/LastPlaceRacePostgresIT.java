// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.capacity.CapacityRegistry.HoldResult;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many caseworkers race for the last places of one offer at the same instant, on PostgreSQL:
 * exactly as many win as places are free, every other gets a clear conflict, and no place is ever
 * given twice.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastPlaceRacePostgresIT {

  private static final int RACERS = 16;
  private static final int ROUNDS = 20;

  @LocalServerPort int port;
  @Autowired CapacityRegistry registry;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  private final ExecutorService threads = Executors.newFixedThreadPool(RACERS);
  private final List<String> caseworkers = new ArrayList<>();
  private final List<Long> racedOffers = new ArrayList<>();
  private ApiClient api;

  @BeforeAll
  void caseworkers() {
    api = new ApiClient(port);
    for (int i = 1; i <= RACERS; i++) {
      caseworkers.add(fixtures.user("it-racer-" + i, District.SEGEBERG.groupId()));
    }
  }

  @AfterAll
  void stopThreads() {
    threads.shutdownNow();
  }

  @ParameterizedTest(name = "{0} last places")
  @ValueSource(ints = {1, 3})
  void exactlyAsManyOfSixteenCaseworkersAsPlacesAreLeftGetThem(int lastPlaces) {
    for (int round = 1; round <= ROUNDS; round++) {
      OfferView offer = racedOffer(lastPlaces);

      List<Object> outcomes =
          race(
              i ->
                  registry.hold(
                      offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "racer-" + i));

      assertThat(outcomes)
          .as("round %d", round)
          .hasOnlyElementsOfTypes(HoldResult.class, NoPlaceFreeException.class);
      assertThat(outcomes)
          .as("round %d: winners", round)
          .filteredOn(HoldResult.class::isInstance)
          .hasSize(lastPlaces);
      assertThat(activeHeldPlaces(offer.id()))
          .as("round %d: held places", round)
          .isEqualTo(lastPlaces);
      assertThat(registry.freePlaces(offer.id())).isZero();
    }
    assertNoOfferIsOverbooked();
  }

  @Test
  void siblingGroupsAndSingleChildrenRacingNeverTakeMoreThanIsFree() {
    for (int round = 1; round <= ROUNDS; round++) {
      OfferView offer = racedOffer(4);

      List<Object> outcomes =
          race(
              i ->
                  registry.hold(
                      offer.id(),
                      Fixtures.newCase(District.SEGEBERG),
                      1 + i % 3,
                      null,
                      "racer-" + i));

      assertThat(outcomes)
          .as("round %d", round)
          .hasOnlyElementsOfTypes(HoldResult.class, NoPlaceFreeException.class);
      int held =
          outcomes.stream()
              .filter(HoldResult.class::isInstance)
              .mapToInt(o -> ((HoldResult) o).hold().places())
              .sum();
      assertThat(held).as("round %d: places won", round).isBetween(3, 4);
      assertThat(activeHeldPlaces(offer.id())).isEqualTo(held);
      assertThat(registry.freePlaces(offer.id())).isEqualTo(4 - held);
    }
    assertNoOfferIsOverbooked();
  }

  @Test
  void sixteenRetriesOfOneHoldRequestTakeOnePlaceAndAllGetTheSameHold() {
    OfferView offer = racedOffer(2);
    String child = Fixtures.newCase(District.SEGEBERG);

    List<Object> outcomes = race(i -> registry.hold(offer.id(), child, 1, null, "fk-seg-1"));

    assertThat(outcomes).hasOnlyElementsOfType(HoldResult.class);
    assertThat(outcomes)
        .map(o -> ((HoldResult) o).hold().id())
        .containsOnly(((HoldResult) outcomes.get(0)).hold().id());
    assertThat(outcomes).filteredOn(o -> ((HoldResult) o).created()).hasSize(1);
    assertThat(activeHeldPlaces(offer.id())).isEqualTo(1);
  }

  @Test
  void overHttpExactlyOneCaseworkerGets201AndAllOthersA409() {
    for (int round = 1; round <= ROUNDS; round++) {
      OfferView offer = racedOffer(1);

      List<Object> outcomes =
          race(
              i ->
                  api.as(caseworkers.get(i))
                      .post(
                          "/api/holds",
                          "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                              .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG))));

      List<ApiClient.Reply> replies = outcomes.stream().map(ApiClient.Reply.class::cast).toList();
      assertThat(replies)
          .as("round %d: created", round)
          .filteredOn(r -> r.status() == 201)
          .hasSize(1);
      assertThat(replies)
          .as("round %d: conflicts", round)
          .filteredOn(r -> r.status() == 409)
          .hasSize(RACERS - 1)
          .allSatisfy(
              r ->
                  assertThat(r.problem(409).get("code").asText())
                      .isEqualTo("problem.hold.no-place-free"));
      assertThat(activeHeldPlaces(offer.id())).isEqualTo(1);
    }
    assertNoOfferIsOverbooked();
  }

  @Test
  void anExpiredHoldFreesItsPlaceOnPostgresToo() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 1);
    HoldResult first =
        registry.hold(
            offer.id(), Fixtures.newCase(District.SEGEBERG), 1, Duration.ofMinutes(5), "fk-seg-1");
    assertThat(registry.freePlaces(offer.id())).isZero();

    ClockUtil.offset(Duration.ofMinutes(6).toMillis());

    assertThat(registry.freePlaces(offer.id())).isEqualTo(1);
    assertThat(registry.holdView(first.hold().id()).status()).isEqualTo(HoldStatus.EXPIRED);
    assertThat(
            registry
                .hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-2")
                .created())
        .isTrue();
  }

  /**
   * A provider's acceptance is followed, in the same transaction, by the process work (the search
   * ends, the legal duties start). Meanwhile other caseworkers must be able to hold the offer's
   * other places: the confirmation writes to the offer's row only when it commits.
   */
  @Test
  void aConfirmationStillAtWorkDoesNotMakeHoldsOnTheSameOfferWait() throws Exception {
    OfferView offer = racedOffer(2);
    long holdId =
        registry
            .hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-1")
            .hold()
            .id();
    CountDownLatch confirmed = new CountDownLatch(1);
    CountDownLatch otherHoldDone = new CountDownLatch(1);
    Future<?> confirmation =
        threads.submit(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      registry.confirm(holdId, "provider");
                      confirmed.countDown();
                      try {
                        otherHoldDone.await(
                            30, TimeUnit.SECONDS); // the process work after the acceptance
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    assertThat(confirmed.await(30, TimeUnit.SECONDS)).isTrue();

    HoldResult other;
    try {
      other =
          transactions.execute(
              tx -> {
                jdbc.execute("SET LOCAL lock_timeout = '3s'");
                return registry.hold(
                    offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-2");
              });
    } finally {
      otherHoldDone.countDown();
    }
    confirmation.get(30, TimeUnit.SECONDS);

    assertThat(other.created()).isTrue();
    assertThat(registry.freePlaces(offer.id())).as("one placed, one held").isZero();
    assertThatThrownBy(
            () ->
                registry.hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-3"))
        .as("no third place")
        .isInstanceOf(NoPlaceFreeException.class);
  }

  /** A new offer with {@code free} of its 8 places free, remembered for the overbooking check. */
  private OfferView racedOffer(int free) {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, free);
    racedOffers.add(offer.id());
    return offer;
  }

  /**
   * Starts all racers at once behind a start gate and collects what each got: its result, or the
   * exception it ended with.
   */
  private List<Object> race(IntFunction<Object> attempt) {
    CountDownLatch ready = new CountDownLatch(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> racers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      int racer = i;
      Callable<Object> run =
          () -> {
            ready.countDown();
            start.await();
            try {
              return attempt.apply(racer);
            } catch (RuntimeException e) {
              return e;
            }
          };
      racers.add(threads.submit(run));
    }
    try {
      assertThat(ready.await(30, TimeUnit.SECONDS)).as("all racers at the start").isTrue();
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> racer : racers) {
        outcomes.add(racer.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a racer did not finish", e);
    }
  }

  /**
   * Places held now (by the engine's clock) by holds that have not expired, straight from the
   * database.
   */
  private int activeHeldPlaces(long offerId) {
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(places), 0) FROM hold WHERE offer_id = ? AND status = 'HELD' AND expires_at > ?",
        Integer.class,
        offerId,
        now());
  }

  /** No raced offer has more places held and placed since its report than it reported free. */
  private void assertNoOfferIsOverbooked() {
    for (long offerId : racedOffers) {
      Integer taken =
          jdbc.queryForObject(
              """
          SELECT (SELECT COALESCE(SUM(h.places), 0) FROM hold h
                  WHERE h.offer_id = o.id AND h.status = 'HELD' AND h.expires_at > ?)
               + (SELECT COALESCE(SUM(p.places), 0) FROM placement p
                  WHERE p.offer_id = o.id AND p.started_at >= o.reported_at AND p.ended_at IS NULL)
          FROM offer o WHERE o.id = ?""",
              Integer.class,
              now(),
              offerId);
      Integer reported =
          jdbc.queryForObject(
              "SELECT reported_free FROM offer WHERE id = ?", Integer.class, offerId);
      assertThat(taken).as("places taken of offer %d", offerId).isLessThanOrEqualTo(reported);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
