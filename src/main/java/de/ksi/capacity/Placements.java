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
   * The places of an offer taken by placements running at a report made at {@code at}: begun before
   * it and not ended before it. One begun in that very millisecond is left to the free count's
   * correction, which counts it as begun after the report ({@link Availability}); one ended in it
   * still takes its place.
   */
  @Query(
      "select coalesce(sum(p.places), 0) from Placement p where p.offer.id = :offerId and p.startedAt < :at"
          + " and (p.endedAt is null or p.endedAt >= :at)")
  int occupiedAt(long offerId, Instant at);
}
