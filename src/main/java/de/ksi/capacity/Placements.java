package de.ksi.capacity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** All placements, current and ended. */
interface Placements extends JpaRepository<Placement, Long> {

  List<Placement> findByCaseReferenceOrderById(String caseReference);
}
