// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.District;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The capacity repositories' SQL finders behave as the JPQL they replaced: a case's holds come with
 * their offers and providers loaded (no lazy load after), and a finder sees what its transaction
 * wrote but Hibernate had not flushed yet.
 */
@KsiIntegrationTest
class RepositorySqlIT {

  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired Holds holds;
  @Autowired TransactionTemplate transaction;

  @Test
  void aCasesHoldsComeWithTheirOffersAndProvidersLoaded() {
    OfferView first = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView second = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String child = Fixtures.newCase(District.STORMARN);
    long one = registry.hold(first.id(), child, 1, null, "fk-sto-1").hold().id();
    long two = registry.hold(second.id(), child, 1, null, "fk-sto-1").hold().id();

    transaction.executeWithoutResult(
        status -> {
          List<Hold> found = holds.findByCaseReferenceOrderById(child);

          assertThat(found).extracting(Hold::getId).containsExactly(one, two);
          assertThat(found)
              .allSatisfy(
                  hold -> {
                    assertThat(Hibernate.isInitialized(hold.getOffer())).isTrue();
                    assertThat(Hibernate.isInitialized(hold.getOffer().getProvider())).isTrue();
                  });
          assertThat(found.get(1).getOffer().getId()).isEqualTo(second.id());
          assertThat(holds.findAllWithOfferByIdIn(List.of(two)))
              .extracting(Hold::getId)
              .containsExactly(two);
        });
  }

  @Test
  void aFinderSeesWhatItsTransactionChangedBeforeHibernateFlushedIt() {
    OfferView offer = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String child = Fixtures.newCase(District.STORMARN);
    long held = registry.hold(offer.id(), child, 1, null, "fk-sto-1").hold().id();

    transaction.executeWithoutResult(
        status -> {
          Hold hold = holds.findByIdForUpdate(held).orElseThrow();
          hold.release("fk-sto-1", Instant.now());

          assertThat(holds.findActive(offer.id(), child, Instant.now()))
              .as("the release, not yet flushed, is written before the finder reads")
              .isEmpty();
          status.setRollbackOnly();
        });
    assertThat(holds.findActive(offer.id(), child, Instant.now())).isPresent();
  }
}
