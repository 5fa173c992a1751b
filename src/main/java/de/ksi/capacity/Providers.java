package de.ksi.capacity;

import de.ksi.network.District;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All providers of the network. */
interface Providers extends JpaRepository<Provider, Long> {

  List<Provider> findByDistrictOrderByName(District district);

  List<Provider> findAllByOrderByDistrictAscNameAsc();

  Optional<Provider> findByGroupId(String groupId);

  boolean existsByGroupId(String groupId);
}
