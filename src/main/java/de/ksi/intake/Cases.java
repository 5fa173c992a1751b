// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** All cases. */
interface Cases extends JpaRepository<CustodyCase, Long> {

  /** The case, its row locked until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from CustodyCase c where c.id = :id")
  Optional<CustodyCase> lockById(long id);

  @Query("select c from CustodyCase c where c.reference = :reference")
  Optional<CustodyCase> findByReference(String reference);

  @Query("select c from CustodyCase c where c.reference in :references")
  List<CustodyCase> findByReferenceIn(Collection<String> references);

  List<CustodyCase> findByStatusAndClosedAtBeforeAndPersonalDataErasedAtIsNull(
      CustodyCase.Status status, Instant before);
}
