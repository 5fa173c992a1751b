// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.network.KsiUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case view as JSON, for the responsible office, its head and coordinators. */
@RestController
class CaseOverviewController {

  private final CaseOverviews overviews;

  CaseOverviewController(CaseOverviews overviews) {
    this.overviews = overviews;
  }

  @Operation(summary = "Everything about a case without personal data: profile, requests and answers, escalations, "
      + "placement with the provider's 24-hour phone, arrival, legal duties, history and what happens next")
  @GetMapping("/api/cases/{reference}/overview")
  CaseOverview overview(@PathVariable String reference, @AuthenticationPrincipal KsiUser user) {
    return overviews.overview(overviews.visibleCase(reference, user, "/api"));
  }
}
