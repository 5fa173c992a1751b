// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import de.ksi.network.KsiUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Lagebild as one JSON document, for the Cockpit dashboard and any other tool. */
@RestController
@RequestMapping("/api/lagebild")
class LagebildController {

  private final LagebildService lagebild;

  LagebildController(LagebildService lagebild) {
    this.lagebild = lagebild;
  }

  @Operation(
      summary =
          "Free places of the network; waiting children and overdue duties of the offices the caller may see;"
              + " providers with stale reports")
  @GetMapping
  Lagebild lagebild(@AuthenticationPrincipal KsiUser user) {
    return lagebild.of(user);
  }
}
