// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * {@link HoldQueries}: the holds with their offers in SQL, the hold, its offer and the offer's
 * provider from one join, Hibernate filling the offer and provider of each hold from the same row
 * (as a JPQL {@code join fetch} would, without JPQL to parse); the lock with {@link
 * EntityManager#find(Class, Object, LockModeType)}, whose SQL Hibernate writes for the database
 * ({@code FOR NO KEY UPDATE} on PostgreSQL, {@code FOR UPDATE} on H2, as for a locking JPQL query).
 */
class HoldQueriesImpl implements HoldQueries {

  private static final String SELECT =
      "SELECT {h.*}, {o.*}, {p.*} FROM hold h JOIN offer o ON o.id = h.offer_id"
          + " JOIN provider p ON p.id = o.provider_id";

  @PersistenceContext private EntityManager entityManager;

  @Override
  public List<Hold> findByCaseReferenceOrderById(String caseReference) {
    return withOffers(SELECT + " WHERE h.case_reference = :caseReference ORDER BY h.id")
        .setParameter("caseReference", caseReference)
        .list();
  }

  @Override
  public List<Hold> findAllWithOfferByIdIn(Collection<Long> ids) {
    return withOffers(SELECT + " WHERE h.id IN (:ids)").setParameterList("ids", ids).list();
  }

  @Override
  public Optional<Hold> findByIdForUpdate(Long id) {
    return Optional.ofNullable(entityManager.find(Hold.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @SuppressWarnings("unchecked")
  private NativeQuery<Hold> withOffers(String sql) {
    NativeQuery<Hold> query =
        (NativeQuery<Hold>) entityManager.unwrap(Session.class).createNativeQuery(sql);
    query.addEntity("h", Hold.class);
    query.addFetch("o", "h", "offer");
    query.addFetch("p", "o", "provider");
    // flush pending changes to these tables first, as JPQL would
    query.addSynchronizedQuerySpace("hold");
    query.addSynchronizedQuerySpace("offer");
    query.addSynchronizedQuerySpace("provider");
    return query;
  }
}
