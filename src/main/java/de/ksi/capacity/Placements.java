// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/** All placements, current and ended. The queries are SQL (see {@link Providers} for why). */
interface Placements extends JpaRepository<Placement, Long> {

  @Query(
      value = "SELECT * FROM placement WHERE case_reference = :caseReference ORDER BY id",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "placement"))
  List<Placement> findByCaseReferenceOrderById(String caseReference);

  /**
   * The places of an offer taken by placements running at a report made at {@code at}: begun before
   * it and not ended before it. One begun in that very millisecond is left to the free count's
   * correction, which counts it as begun after the report ({@link Availability}); one ended in it
   * still takes its place.
   */
  @Query(
      value =
          "SELECT COALESCE(SUM(places), 0) FROM placement WHERE offer_id = :offerId AND started_at < :at"
              + " AND (ended_at IS NULL OR ended_at >= :at)",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "placement"))
  int occupiedAt(long offerId, Instant at);
}
