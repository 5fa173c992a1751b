// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.network.District;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A placement begun or ended inside a longer transaction (a provider's acceptance, the end of a
 * case) counts for everything read later in that transaction and, once it commits, for everyone.
 */
@KsiIntegrationTest
class PlacementInTransactionIT {

  @Autowired CapacityRegistry registry;
  @Autowired CapacitySearch search;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired EntityManager entityManager;

  @Test
  void aPlaceConfirmedEarlierInTheTransactionIsTakenForEverythingLaterInIt() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    long holdId =
        registry
            .hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-1")
            .hold()
            .id();
    int fitting = search.search(criteria()).total(); // the held offer is not among them

    transactions.executeWithoutResult(
        tx -> {
          registry.confirm(holdId, "provider");
          assertThatThrownBy(
                  () ->
                      registry.hold(
                          offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-2"))
              .isInstanceOf(NoPlaceFreeException.class);
          assertThat(registry.freePlaces(offer.id())).isZero();
          assertThat(search.search(criteria()).total()).as("offers with room").isEqualTo(fitting);
        });

    assertThat(registry.freePlaces(offer.id())).isZero();
    assertThat(heldPlaces(offer.id())).isZero();
  }

  @Test
  void aSearchRightAfterAConfirmationInTheSameTransactionDoesNotOfferThePlace() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    long holdId =
        registry
            .hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-1")
            .hold()
            .id();
    int fitting = search.search(criteria()).total();

    transactions.executeWithoutResult(
        tx -> {
          registry.confirm(holdId, "provider");
          entityManager
              .flush(); // as the engine's next query would: the hold is confirmed, the placement
          // stored
          assertThat(search.search(criteria()).total()).as("offers with room").isEqualTo(fitting);
        });
  }

  @Test
  void aPlacementBegunAndEndedInTransactionsOfTheirOwnCountsForEveryoneOnceCommitted() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    long holdId =
        registry
            .hold(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, null, "fk-seg-1")
            .hold()
            .id();
    int fitting = search.search(criteria()).total();

    long placementId = transactions.execute(tx -> registry.confirm(holdId, "provider").id());

    assertThat(
            jdbc.queryForObject(
                "SELECT placements_moved_at FROM offer WHERE id = ?", Timestamp.class, offer.id()))
        .as("written at the commit")
        .isNotNull();
    assertThat(registry.freePlaces(offer.id())).isZero();
    assertThat(search.search(criteria()).total()).isEqualTo(fitting);

    transactions.executeWithoutResult(
        tx -> registry.endPlacement(placementId, "RETURN_HOME", "fk-seg-1"));

    assertThat(registry.freePlaces(offer.id())).isEqualTo(1);
    assertThat(search.search(criteria()).total()).isEqualTo(fitting + 1);
  }

  private static SearchCriteria criteria() {
    return new SearchCriteria(
        District.SEGEBERG, false, List.of(Category.INOBHUTNAHME_GRUPPE), 14, Gender.FEMALE, 1);
  }

  private int heldPlaces(long offerId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM hold WHERE offer_id = ? AND status = 'HELD'", Integer.class, offerId);
  }
}
