// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.caseprocess.Arrivals;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.intake.NeedsProfile;
import de.ksi.network.CaseReference;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Aufnahme vorbereiten" for the accepting provider: the child's identity (read at render time,
 * never a process variable), the arrival and the office's contact. Only the group our tables name
 * for the case's running registry placement sees it; every view is in the audit log, every refused
 * attempt too.
 */
@RestController
class ArrivalPage {

  private static final String TITLE = "Aufnahme vorbereiten";

  private final WebappUsers users;
  private final IntakeService cases;
  private final Arrivals arrivals;
  private final CapacityRegistry registry;
  private final CaseContacts contacts;
  private final AuditLog audit;

  ArrivalPage(
      WebappUsers users,
      IntakeService cases,
      Arrivals arrivals,
      CapacityRegistry registry,
      CaseContacts contacts,
      AuditLog audit) {
    this.users = users;
    this.cases = cases;
    this.arrivals = arrivals;
    this.registry = registry;
    this.contacts = contacts;
    this.audit = audit;
  }

  @GetMapping("/aufnahme/{reference}")
  @Transactional
  ResponseEntity<String> page(@PathVariable String reference, HttpServletRequest request) {
    Optional<KsiUser> user = users.current(request);
    if (user.isEmpty()) {
      return Html.notLoggedIn(TITLE);
    }
    Optional<Arrivals.Arrival> arrival = acceptingProvider(reference, user.get());
    if (arrival.isEmpty()) {
      audit.refused(
          user.get().userId(),
          CaseReference.office(reference).isPresent() ? reference : null,
          "Aufnahmeseite ohne Zusage für diesen Fall verlangt");
      return Html.notYours(TITLE);
    }
    CustodyCase c = cases.byReference(reference);
    audit.record(
        user.get().userId(),
        reference,
        AuditLog.Action.IDENTITY_READ,
        null,
        "Identität auf der Aufnahmeseite abgerufen",
        "Aufnehmender Träger");
    return Html.respond(
        200,
        Html.page(
            TITLE + " – " + reference,
            ArrivalHtml.body(c, NeedsProfile.of(c), arrival.get(), contacts.caseworker(c)),
            null));
  }

  /** The case's arrival, if the user works for the provider of its running registry placement. */
  private Optional<Arrivals.Arrival> acceptingProvider(String reference, KsiUser user) {
    if (CaseReference.office(reference).isEmpty()) {
      return Optional.empty();
    }
    try {
      CustodyCase c = cases.byReference(reference);
      return arrivals
          .of(c.getId())
          .filter(a -> user.inGroup(a.providerGroup()))
          .filter(a -> a.placementId() == (c.getPlacementId() == null ? -1 : c.getPlacementId()))
          .filter(a -> registry.placement(a.placementId()).endedAt() == null);
    } catch (ProblemException.NotFound unknown) {
      return Optional.empty();
    }
  }
}
