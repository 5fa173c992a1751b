// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.PlacementView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.IntakeService;
import de.ksi.intake.NeedsProfile;
import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.EngineActions;
import de.ksi.platform.ProblemException;
import de.ksi.security.EngineGuard;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over REST: intake for integrations (the same fields and checks as the Tasklist start form).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  private final CaseIntake caseIntake;
  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final AuditLog audit;
  private final RuntimeService runtime;
  private final IntakeReplays replays;
  private final EngineActions engineActions;
  private final TaskService tasks;
  private final FormService forms;

  CaseController(
      CaseIntake caseIntake,
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory,
      AuditLog audit,
      RuntimeService runtime,
      IntakeReplays replays,
      EngineActions engineActions,
      TaskService tasks,
      FormService forms) {
    this.engineActions = engineActions;
    this.tasks = tasks;
    this.forms = forms;
    this.caseIntake = caseIntake;
    this.replays = replays;
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
    this.audit = audit;
    this.runtime = runtime;
  }

  @Operation(
      summary = "Register a case and start its process (caseworkers of the office, coordinators)",
      description =
          "With an Idempotency-Key header (e.g. a UUID per intake), a repeated request with the same key "
              + "answers 409 naming the case already registered and stores nothing.")
  @PostMapping
  ResponseEntity<CaseIntake.StartedCase> register(
      @Valid @RequestBody IntakeRequest body,
      @RequestHeader(name = IntakeReplays.HEADER, required = false) String idempotencyKey,
      @AuthenticationPrincipal KsiUser user) {
    CaseIntake.StartedCase started =
        idempotencyKey == null
            ? caseIntake.registerAndStart(body, user)
            : replays.registerOnce(idempotencyKey, body, user);
    return ResponseEntity.created(URI.create("/api/cases/" + started.caseReference()))
        .body(started);
  }

  @Operation(summary = "Status and pseudonymised profile of a case (its office and coordinators)")
  @GetMapping("/{reference}")
  CaseStatus status(@PathVariable String reference, @AuthenticationPrincipal KsiUser user) {
    CustodyCase c = visibleToOffice(reference, user);
    return new CaseStatus(
        c.getReference(),
        c.getStatus().name(),
        c.getEscalationLevel().value(),
        c.getPlacementId(),
        c.getPlacedAt(),
        c.getOutcome() == null ? null : c.getOutcome().name(),
        c.getClosedAt(),
        NeedsProfile.of(c));
  }

  @Operation(
      summary =
          "The child's identity: for its office, coordinators and the provider that accepted (audited)")
  @GetMapping("/{reference}/identity")
  @Transactional
  Identity identity(@PathVariable String reference, @AuthenticationPrincipal KsiUser user) {
    CustodyCase c = cases.byReference(reference);
    boolean office = AccessPolicy.actsForOffice(user, c.responsibleOffice());
    boolean acceptingProvider =
        c.getPlacementId() != null
            && placementProviderGroup(c.getPlacementId()).map(user::inGroup).orElse(false);
    if (!office && !acceptingProvider) {
      audit.refused(
          user.userId(), reference, "Identität über /api verlangt, ohne Zuständigkeit oder Zusage");
      throw new ProblemException.NotFound("problem.case.not-found", reference);
    }
    audit.record(
        user.userId(),
        reference,
        AuditLog.Action.IDENTITY_READ,
        null,
        "Identität abgerufen über /api",
        acceptingProvider ? "Aufnehmender Träger" : "Fallführung / Koordinierung");
    return new Identity(
        c.getReference(),
        c.getFirstName(),
        c.getLastName(),
        c.getBirthDate(),
        c.getCurrentLocation());
  }

  @Operation(
      summary =
          "Record a place found by phone while the case waits for a place: open requests are withdrawn"
              + " at once",
      description =
          "While provider requests are open they are withdrawn and the place recorded; while the"
              + " place choice (Platz auswählen und anfragen) waits, that task is completed with the"
              + " choice PHONE and the same checks as its form. 409 when the case waits for neither.")
  @PostMapping("/{reference}/phone-placement")
  ResponseEntity<Void> foundByPhone(
      @PathVariable String reference,
      @Valid @RequestBody PhonePlacement body,
      @AuthenticationPrincipal KsiUser user) {
    CustodyCase c = visibleToOffice(reference, user);
    var correlation =
        runtime
            .createMessageCorrelation(CaseProcess.Messages.PLACE_FOUND_BY_PHONE)
            .processInstanceBusinessKey(reference)
            .setVariable(CaseProcess.Vars.PHONE_NOTE, body.note());
    if (body.offerId() != null) {
      correlation.setVariable(CaseProcess.Vars.PHONE_OFFER, body.offerId());
    }
    try {
      // the office's own path for a phone placement, checked above: the one message users may send
      // (past the engine guard), and the engine grants process instances only to coordinators, so
      // its own check would refuse the office's caseworker
      EngineGuard.trusted(
          () ->
              engineActions.authorizedByUs(
                  () -> {
                    correlation.correlate();
                    return null;
                  }));
    } catch (MismatchingMessageCorrelationException noOpenRequests) {
      atThePlaceChoice(c, body);
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * No request is open: if the case's place choice waits, it is completed as its form would with
   * "Platz wurde telefonisch gefunden" (the form's rules are checked on completion).
   */
  private void atThePlaceChoice(CustodyCase c, PhonePlacement body) {
    Map<String, Object> choice = new HashMap<>();
    choice.put(CaseProcess.Vars.CHOICE, CaseProcess.Choice.PHONE);
    choice.put(CaseProcess.Vars.PHONE_NOTE, body.note());
    if (body.offerId() != null) {
      choice.put(CaseProcess.Vars.PHONE_OFFER, body.offerId());
    }
    boolean completed =
        c.getStatus() == CustodyCase.Status.OPEN
            && EngineGuard.trusted(
                () ->
                    engineActions.authorizedByUs(
                        () -> {
                          List<Task> open =
                              tasks
                                  .createTaskQuery()
                                  .processInstanceBusinessKey(c.getReference())
                                  .taskDefinitionKey(CaseProcess.SearchElements.CHOOSE)
                                  .active()
                                  .list();
                          if (open.size() != 1) {
                            return false;
                          }
                          forms.submitTaskForm(open.get(0).getId(), choice);
                          return true;
                        }));
    if (!completed) {
      throw new ProblemException.Conflict("problem.case.no-open-requests", c.getReference());
    }
  }

  private java.util.Optional<String> placementProviderGroup(long placementId) {
    PlacementView placement = registry.placement(placementId);
    return placement.endedAt() != null
        ? java.util.Optional.empty()
        : java.util.Optional.of(directory.get(placement.providerId()).groupId());
  }

  private CustodyCase visibleToOffice(String reference, KsiUser user) {
    CustodyCase c = cases.byReference(reference);
    if (!AccessPolicy.actsForOffice(user, c.responsibleOffice())) {
      audit.refused(user.userId(), reference, "Fall eines anderen Jugendamts über /api verlangt");
      throw new ProblemException.NotFound("problem.case.not-found", reference);
    }
    return c;
  }

  /** Where a case stands, without personal data. */
  record CaseStatus(
      String reference,
      String status,
      String escalationLevel,
      Long placementId,
      Instant placedAt,
      String outcome,
      Instant closedAt,
      NeedsProfile profile) {}

  /** A place found by phone: the registry offer, if it has one, and who agreed. */
  record PhonePlacement(@Positive Long offerId, @NotBlank @Size(max = 500) String note) {}

  /** The child's identity, disclosed only with an audit entry. */
  record Identity(
      String reference,
      String firstName,
      String lastName,
      LocalDate birthDate,
      String currentLocation) {}
}
