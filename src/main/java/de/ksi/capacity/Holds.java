// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * All holds ever placed. The queries are SQL (see {@link Providers} for why); the holds with their
 * offers and providers are read and the row locked by {@link HoldQueries}.
 */
interface Holds extends JpaRepository<Hold, Long>, HoldQueries {

  @Query(
      value =
          "SELECT * FROM hold WHERE offer_id = :offerId AND case_reference = :caseReference"
              + " AND status = 'HELD' AND expires_at > :now",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "hold"))
  Optional<Hold> findActive(Long offerId, String caseReference, Instant now);
}
