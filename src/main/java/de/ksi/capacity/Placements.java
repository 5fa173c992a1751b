// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All placements, current and ended. */
interface Placements extends JpaRepository<Placement, Long> {

  @Query("select p from Placement p where p.caseReference = :caseReference order by p.id")
  List<Placement> findByCaseReferenceOrderById(String caseReference);
}
