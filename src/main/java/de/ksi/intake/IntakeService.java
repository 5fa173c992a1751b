// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.network.CaseReference;
import de.ksi.network.District;
import de.ksi.platform.ProblemException;
import de.ksi.security.FieldCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers cases and keeps their record; the one place that touches the child's personal data. */
@Service
@Transactional
public class IntakeService {

  private final Cases cases;
  private final CaseNumbers numbers;
  private final Clock clock;
  private final FieldCipher cipher;

  IntakeService(Cases cases, CaseNumbers numbers, Clock clock, FieldCipher cipher) {
    this.cases = cases;
    this.numbers = numbers;
    this.clock = clock;
    this.cipher = cipher;
  }

  /**
   * Registers a validated intake; the case gets a readable reference such as {@code SEG-2026-0042}.
   */
  public CustodyCase register(IntakeRequest request, String actor, EscalationLevel initialLevel) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    int age =
        request.birthDate() != null
            ? Period.between(request.birthDate(), today).getYears()
            : request.estimatedAge();
    if (age > 17) {
      throw new ProblemException.InvalidInput("birthDate", "problem.case.adult", age);
    }
    int year = today.getYear();
    String reference =
        CaseReference.format(request.office(), year, numbers.next(request.office(), year));
    Instant start = request.custodyStart() == null ? now : request.custodyStart();
    return cases.save(new CustodyCase(reference, request, age, start, actor, initialLevel));
  }

  @Transactional(readOnly = true)
  public CustodyCase get(long caseId) {
    return cases
        .findById(caseId)
        .orElseThrow(() -> new ProblemException.NotFound("problem.case.not-found", caseId));
  }

  @Transactional(readOnly = true)
  public CustodyCase byReference(String reference) {
    return cases
        .findByReference(reference)
        .orElseThrow(() -> new ProblemException.NotFound("problem.case.not-found", reference));
  }

  /** The cases of the given references that exist, read together. */
  @Transactional(readOnly = true)
  public List<CustodyCase> byReferences(Collection<String> references) {
    return references.isEmpty() ? List.of() : cases.findByReferenceIn(references);
  }

  public void escalate(long caseId, EscalationLevel level) {
    get(caseId).escalate(level);
  }

  /**
   * Locks the case's row until the transaction ends: the steps that decide a case's placement (two
   * providers accepting at once) run one after the other and lock the case's holds in the same
   * order, instead of each locking its own hold first and then waiting for the other's (a deadlock
   * the database would break by failing one).
   */
  public void lockForPlacement(long caseId) {
    cases.lockById(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
  }

  /**
   * A place was found for a case not yet placed: it becomes the case's placement ({@code null}: a
   * place outside the registry). A case already placed keeps its placement (a follow-up placement
   * is not the emergency place).
   */
  public void placedIfOpen(long caseId, Long placementId) {
    CustodyCase c = get(caseId);
    if (c.getStatus() == CustodyCase.Status.OPEN) {
      c.placed(placementId, clock.instant());
    }
  }

  /** Keeps the first place category the case needed (for statistics). */
  public void neededCategory(long caseId, String category) {
    get(caseId).needs(category);
  }

  /**
   * The office decided on follow-up help now (for the statistics of places blocked while it is
   * searched).
   */
  public void followUpNeeded(long caseId) {
    get(caseId).followUpNeeded(clock.instant());
  }

  /** A legal duty of the case became overdue; counted for statistics. */
  public void dutyOverdue(String reference) {
    cases.findByReference(reference).ifPresent(CustodyCase::dutyOverdue);
  }

  public void emergencyMeasure(long caseId, EmergencyMeasure measure, String reason) {
    get(caseId).emergencyMeasure(measure, reason);
  }

  public void handedOver(long caseId, District office, String followUpCategory, String note) {
    CustodyCase c = get(caseId);
    c.handedOver(office, followUpCategory, clock.instant());
    if (note != null && !note.isBlank()) {
      c.noteHandover(note, cipher);
    }
  }

  /**
   * Keeps, encrypted, how the caseworker named a place found outside the registry (it may say where
   * the child is).
   */
  public void notePlacement(long caseId, String note) {
    if (note != null && !note.isBlank()) {
      get(caseId).notePlacement(note, cipher);
    }
  }

  public void close(long caseId, CaseOutcome outcome, String note, String refusals) {
    get(caseId).close(outcome, note, refusals, clock.instant());
  }

  /**
   * Erases the personal data of cases closed before {@code closedBefore}; returns their references.
   */
  public List<String> erasePersonalDataClosedBefore(Instant closedBefore) {
    List<CustodyCase> expired =
        cases.findByStatusAndClosedAtBeforeAndPersonalDataErasedAtIsNull(
            CustodyCase.Status.CLOSED, closedBefore);
    expired.forEach(c -> c.erasePersonalData(clock.instant()));
    return expired.stream().map(CustodyCase::getReference).toList();
  }
}
