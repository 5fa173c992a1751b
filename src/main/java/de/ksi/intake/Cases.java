package de.ksi.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** All cases. */
interface Cases extends JpaRepository<CustodyCase, Long> {

  Optional<CustodyCase> findByReference(String reference);

  List<CustodyCase> findByReferenceIn(Collection<String> references);

  List<CustodyCase> findByStatusAndClosedAtBeforeAndPersonalDataErasedAtIsNull(CustodyCase.Status status, Instant before);
}
