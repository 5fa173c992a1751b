// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * All cases. The queries are SQL, not JPQL, which Spring Data would parse twice at every start (see
 * de.ksi.capacity.Providers); each names the table it reads, so that pending changes are flushed
 * first. The row lock is {@link CaseLock}.
 */
interface Cases extends JpaRepository<CustodyCase, Long>, CaseLock {

  @Query(value = "SELECT * FROM custody_case WHERE reference = :reference", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "custody_case"))
  Optional<CustodyCase> findByReference(String reference);

  /** The cases of the given references (not empty). */
  @Query(value = "SELECT * FROM custody_case WHERE reference IN (:references)", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "custody_case"))
  List<CustodyCase> findByReferenceIn(Collection<String> references);

  List<CustodyCase> findByStatusAndClosedAtBeforeAndPersonalDataErasedAtIsNull(
      CustodyCase.Status status, Instant before);
}
