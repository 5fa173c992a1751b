// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * {@link OfferLock} with {@link EntityManager#find(Class, Object, LockModeType)}: Hibernate writes
 * the lock's SQL for the database ({@code FOR NO KEY UPDATE} on PostgreSQL, so that a hold or
 * placement inserted with the offer as its foreign key does not wait; {@code FOR UPDATE} on H2), as
 * for a locking JPQL query, without JPQL to parse at start.
 */
class OfferLockImpl implements OfferLock {

  @PersistenceContext private EntityManager entityManager;

  @Override
  public Optional<Offer> findByIdForUpdate(Long id) {
    return Optional.ofNullable(entityManager.find(Offer.class, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
