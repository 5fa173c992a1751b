// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All holds ever placed. */
interface Holds extends JpaRepository<Hold, Long> {

  @Query(
      "select h from Hold h where h.offer.id = :offerId and h.caseReference = :caseReference"
          + " and h.status = de.ksi.capacity.HoldStatus.HELD and h.expiresAt > :now")
  Optional<Hold> findActive(Long offerId, String caseReference, Instant now);

  /**
   * Locks the hold row so that accept, decline and release of one hold happen one after the other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from Hold h where h.id = :id")
  Optional<Hold> findByIdForUpdate(Long id);

  /** The holds of a case with their offers and providers, in one statement. */
  @Query(
      "select h from Hold h join fetch h.offer o join fetch o.provider"
          + " where h.caseReference = :caseReference order by h.id")
  List<Hold> findByCaseReferenceOrderById(String caseReference);

  /** The holds with their offers and providers, in one statement. */
  @Query("select h from Hold h join fetch h.offer o join fetch o.provider where h.id in :ids")
  List<Hold> findAllWithOfferByIdIn(Collection<Long> ids);
}
