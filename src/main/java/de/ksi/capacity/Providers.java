// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All providers of the network. */
interface Providers extends JpaRepository<Provider, Long> {

  @Query("select p from Provider p where p.district = :district order by p.name")
  List<Provider> findByDistrictOrderByName(District district);

  @Query("select p from Provider p order by p.district, p.name")
  List<Provider> findAllByOrderByDistrictAscNameAsc();

  /**
   * The providers of the given ids that exist (a JPQL string: Spring Data's findAllById is a
   * criteria query).
   */
  @Query("select p from Provider p where p.id in :ids")
  List<Provider> findByIdIn(Collection<Long> ids);

  @Query("select p from Provider p where p.groupId = :groupId")
  Optional<Provider> findByGroupId(String groupId);

  @Query("select p from Provider p where p.groupId in :groupIds order by p.name")
  List<Provider> findByGroupIdInOrderByName(Collection<String> groupIds);

  @Query("select p.groupId from Provider p")
  List<String> findAllGroupIds();

  @Query("select count(p) > 0 from Provider p where p.groupId = :groupId")
  boolean existsByGroupId(String groupId);
}
