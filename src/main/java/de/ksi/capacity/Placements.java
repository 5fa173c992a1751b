// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All placements, current and ended. */
interface Placements extends JpaRepository<Placement, Long> {

  @Query("select p from Placement p where p.caseReference = :caseReference order by p.id")
  List<Placement> findByCaseReferenceOrderById(String caseReference);

  /**
   * The places of an offer taken by placements running at {@code at} (begun by then, not ended by
   * then).
   */
  @Query(
      "select coalesce(sum(p.places), 0) from Placement p where p.offer.id = :offerId and p.startedAt <= :at"
          + " and (p.endedAt is null or p.endedAt > :at)")
  int occupiedAt(long offerId, Instant at);
}
