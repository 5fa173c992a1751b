// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.intake.CustodyCase;
import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case view page, opened from every task of the case with the Tasklist login; its script
 * reloads the {@code /stand} fragment every 15 seconds while it is open.
 */
@RestController
class CaseViewPage {

  private static final String TITLE = "Fallansicht";

  private final WebappUsers users;
  private final CaseOverviews overviews;

  CaseViewPage(WebappUsers users, CaseOverviews overviews) {
    this.users = users;
    this.overviews = overviews;
  }

  @GetMapping("/faelle/{reference}")
  ResponseEntity<String> page(@PathVariable String reference, HttpServletRequest request) {
    return view(reference, request, false);
  }

  @GetMapping("/faelle/{reference}/stand")
  ResponseEntity<String> fragment(@PathVariable String reference, HttpServletRequest request) {
    return view(reference, request, true);
  }

  private ResponseEntity<String> view(
      String reference, HttpServletRequest request, boolean fragment) {
    Optional<KsiUser> user = users.current(request);
    if (user.isEmpty()) {
      return Html.notLoggedIn(TITLE);
    }
    CustodyCase c;
    try {
      c = overviews.visibleCase(reference, user.get(), "/faelle");
    } catch (ProblemException.NotFound notYours) {
      return Html.notYours(TITLE);
    }
    // the phone placement's form for whom its endpoint allows: the office's caseworkers,
    // coordinators
    boolean mayRecord = AccessPolicy.actsForOffice(user.get(), c.responsibleOffice());
    String body =
        CaseViewHtml.body(
            overviews.overview(c),
            users.csrfToken(request).orElse(""),
            mayRecord ? overviews.phoneChoice(c) : Optional.empty());
    return Html.respond(
        200,
        fragment
            ? body
            : Html.page(
                "Fall " + c.getReference(), body, "/faelle/" + c.getReference() + "/stand"));
  }
}
