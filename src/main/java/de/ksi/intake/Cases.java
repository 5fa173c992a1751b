package de.ksi.intake;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All cases. */
interface Cases extends JpaRepository<CustodyCase, Long> {

  Optional<CustodyCase> findByReference(String reference);
}
