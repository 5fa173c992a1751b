// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * {@link CaseLock} with {@link EntityManager#find(Class, Object, LockModeType)}: Hibernate writes
 * the lock's SQL for the database ({@code FOR NO KEY UPDATE} on PostgreSQL, {@code FOR UPDATE} on
 * H2), as for a locking JPQL query, without JPQL to parse at start.
 */
class CaseLockImpl implements CaseLock {

  @PersistenceContext private EntityManager entityManager;

  @Override
  public Optional<CustodyCase> lockById(long id) {
    return Optional.ofNullable(
        entityManager.find(CustodyCase.class, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
