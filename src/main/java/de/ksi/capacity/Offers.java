// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.QueryHint;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * All offers of all providers. The queries are SQL (see {@link Providers} for why), the lock is
 * {@link OfferLock}.
 */
interface Offers extends JpaRepository<Offer, Long>, OfferLock {

  @Query(
      value = "SELECT * FROM offer WHERE provider_id = :providerId ORDER BY id",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "offer"))
  List<Offer> findByProviderIdOrderById(Long providerId);
}
