// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * All providers of the network.
 *
 * <p>The queries of this module's repositories are SQL ({@code nativeQuery}), not JPQL: Spring Data
 * checks every JPQL query at startup by parsing it twice, with its own and with Hibernate's ANTLR
 * grammar, and cold those parsers took about half of what our application adds to a start after the
 * engine is built (about two seconds on two cores; docs/benchmark-notes.md). SQL is not parsed by
 * either. Each query names the tables it reads ({@link HibernateHints#HINT_NATIVE_SPACES}), so that
 * Hibernate flushes pending changes to them first, as it does before JPQL. A collection parameter
 * must not be empty ({@code IN ()} is no SQL); the callers return early.
 */
interface Providers extends JpaRepository<Provider, Long> {

  default List<Provider> findByDistrictOrderByName(District district) {
    return findByDistrictCodeOrderByName(district.name());
  }

  @Query(
      value = "SELECT * FROM provider WHERE district = :district ORDER BY name",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  List<Provider> findByDistrictCodeOrderByName(String district);

  @Query(value = "SELECT * FROM provider ORDER BY district, name", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  List<Provider> findAllByOrderByDistrictAscNameAsc();

  /** The providers of the given ids (not empty) that exist. */
  @Query(value = "SELECT * FROM provider WHERE id IN (:ids)", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  List<Provider> findByIdIn(Collection<Long> ids);

  @Query(value = "SELECT * FROM provider WHERE group_id = :groupId", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  Optional<Provider> findByGroupId(String groupId);

  /** The providers of the given groups (not empty), by name. */
  @Query(
      value = "SELECT * FROM provider WHERE group_id IN (:groupIds) ORDER BY name",
      nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  List<Provider> findByGroupIdInOrderByName(Collection<String> groupIds);

  @Query(value = "SELECT group_id FROM provider", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  List<String> findAllGroupIds();

  @Query(value = "SELECT COUNT(*) > 0 FROM provider WHERE group_id = :groupId", nativeQuery = true)
  @QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "provider"))
  boolean existsByGroupId(String groupId);
}
