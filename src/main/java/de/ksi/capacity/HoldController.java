// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.AccessPolicy;
import de.ksi.network.CaseReference;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Availability reports, holds and placements over REST. */
@RestController
@RequestMapping("/api")
class HoldController {

  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final ProcessOwned process;

  HoldController(CapacityRegistry registry, ProviderDirectory directory, ProcessOwned process) {
    this.registry = registry;
    this.directory = directory;
    this.process = process;
  }

  @Operation(
      summary =
          "Platzmeldung: the provider reports its free places now and the places it can staff tonight"
              + " (provider staff for their own offers, coordinators for all)")
  @PutMapping("/offers/{id}/availability")
  OfferView reportAvailability(
      @PathVariable long id,
      @Valid @RequestBody AvailabilityReport body,
      @AuthenticationPrincipal KsiUser user) {
    if (!AccessPolicy.actsForProvider(user, directory.groupOfOffer(id))) {
      throw new ProblemException.Forbidden("problem.offer.report-forbidden", id);
    }
    registry.reportAvailability(id, body.free(), body.staffed(), user.userId());
    return directory.offerView(id);
  }

  @Operation(
      summary = "Hold places of an offer for a case: 201 with the hold, 409 when no place is free")
  @PostMapping("/holds")
  ResponseEntity<HoldView> hold(
      @Valid @RequestBody HoldRequest body, @AuthenticationPrincipal KsiUser user) {
    requireCaseAccess(user, body.caseReference());
    Duration duration = body.minutes() == null ? null : Duration.ofMinutes(body.minutes());
    int places = body.places() == null ? 1 : body.places();
    var result =
        registry.hold(body.offerId(), body.caseReference(), places, duration, user.userId());
    if (!result.created()) {
      return ResponseEntity.ok(result.hold());
    }
    return ResponseEntity.created(URI.create("/api/holds/" + result.hold().id()))
        .body(result.hold());
  }

  @GetMapping("/holds/{id}")
  HoldView get(@PathVariable long id, @AuthenticationPrincipal KsiUser user) {
    return visible(registry.holdView(id), user);
  }

  @Operation(
      summary =
          "The case no longer needs the place; 409 for an open request of a case, which the provider"
              + " answers or the case process withdraws")
  @PostMapping("/holds/{id}/release")
  HoldView release(@PathVariable long id, @AuthenticationPrincipal KsiUser user) {
    HoldView hold = visible(registry.holdView(id), user);
    if (process.isOpenRequest(id)) {
      throw new ProblemException.Conflict("problem.hold.open-request", id, hold.caseReference());
    }
    return registry.release(id, user.userId());
  }

  @GetMapping("/placements/{id}")
  PlacementView placement(@PathVariable long id, @AuthenticationPrincipal KsiUser user) {
    return visible(registry.placement(id), user);
  }

  @Operation(
      summary =
          "The child left the place (caseworkers of the case's office, the provider, coordinators);"
              + " 409 for the placement of a running case, which ends with the case's outcome")
  @PostMapping("/placements/{id}/end")
  PlacementView endPlacement(
      @PathVariable long id,
      @Valid @RequestBody EndRequest body,
      @AuthenticationPrincipal KsiUser user) {
    visible(registry.placement(id), user);
    process
        .runningCaseOf(id)
        .ifPresent(
            reference -> {
              throw new ProblemException.Conflict("problem.placement.case-running", id, reference);
            });
    return registry.endPlacement(id, body.reason(), user.userId());
  }

  private PlacementView visible(PlacementView placement, KsiUser user) {
    if (!AccessPolicy.actsForCase(user, placement.caseReference())
        && !AccessPolicy.actsForProvider(user, directory.get(placement.providerId()).groupId())) {
      throw new ProblemException.NotFound("problem.placement.not-found", placement.id());
    }
    return placement;
  }

  /**
   * Caseworkers of the case's office, the provider asked and coordinators see a hold; others get
   * 404.
   */
  private static HoldView visible(HoldView hold, KsiUser user) {
    if (!AccessPolicy.actsForCase(user, hold.caseReference())
        && !AccessPolicy.actsForProvider(user, hold.providerGroup())) {
      throw new ProblemException.NotFound("problem.hold.not-found", hold.id());
    }
    return hold;
  }

  private static void requireCaseAccess(KsiUser user, String caseReference) {
    if (CaseReference.office(caseReference).isEmpty()
        || !AccessPolicy.actsForCase(user, caseReference)) {
      throw new ProblemException.Forbidden("problem.hold.case-forbidden", caseReference);
    }
  }

  /**
   * A Platzmeldung: free places now and, optionally, the places the provider can staff in the
   * current night shift.
   */
  record AvailabilityReport(
      @NotNull @Min(0) @Max(500) Integer free, @Min(0) @Max(500) Integer staffed) {}

  /** A hold request; {@code minutes} defaults to the configured hold length. */
  record HoldRequest(
      @NotNull @Min(1) Long offerId,
      @NotNull @Pattern(regexp = CaseReference.REGEX) String caseReference,
      @Min(1) @Max(1440) Integer minutes,
      @Min(1) @Max(12) Integer places) {}

  /** Why a placement ended, e.g. RETURN_HOME. */
  record EndRequest(@NotNull @Pattern(regexp = "^[A-Z_]{2,40}$") String reason) {}
}
