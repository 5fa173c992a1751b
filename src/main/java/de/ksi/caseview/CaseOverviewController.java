// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.caseprocess.Arrivals;
import de.ksi.intake.CustodyCase;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case view as JSON, for the responsible office, its head and coordinators, and the announced
 * arrival.
 */
@RestController
class CaseOverviewController {

  private final CaseOverviews overviews;
  private final Arrivals arrivals;

  CaseOverviewController(CaseOverviews overviews, Arrivals arrivals) {
    this.overviews = overviews;
    this.arrivals = arrivals;
  }

  @Operation(
      summary =
          "Everything about a case without personal data: profile, requests and answers, escalations, "
              + "placement with the provider's 24-hour phone, arrival, legal duties, history and what happens next")
  @GetMapping("/api/cases/{reference}/overview")
  CaseOverview overview(@PathVariable String reference, @AuthenticationPrincipal KsiUser user) {
    return overviews.overview(overviews.visibleCase(reference, user, "/api"));
  }

  @Operation(
      summary =
          "Announce the arrival to the accepting provider: when the child comes and who brings it "
              + "(the office, its head, coordinators); 409 if the case expects no arrival at a registry provider")
  @PostMapping("/api/cases/{reference}/arrival-plan")
  ResponseEntity<Void> planArrival(
      @PathVariable String reference,
      @Valid @RequestBody ArrivalPlan body,
      @AuthenticationPrincipal KsiUser user) {
    CustodyCase c = overviews.visibleCase(reference, user, "/api");
    if (!arrivals.plan(c.getId(), body.expectedAt(), body.escort().strip(), user.userId())) {
      throw new ProblemException.Conflict("problem.case.no-arrival-expected", reference);
    }
    return ResponseEntity.noContent().build();
  }

  /** When the child is expected at the provider and who brings it (e.g. "Frau K., Jugendamt"). */
  record ArrivalPlan(@NotNull Instant expectedAt, @NotBlank @Size(max = 200) String escort) {}
}
