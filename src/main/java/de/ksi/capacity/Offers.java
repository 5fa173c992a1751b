// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All offers of all providers. */
interface Offers extends JpaRepository<Offer, Long> {

  @Query("select o from Offer o where o.provider.id = :providerId order by o.id")
  List<Offer> findByProviderIdOrderById(Long providerId);

  /** Locks the offer row so that holds on one offer are placed one after the other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from Offer o where o.id = :id")
  Optional<Offer> findByIdForUpdate(Long id);
}
