// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.DeclineReason;
import de.ksi.network.KsiUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provider-side REST: list, accept and decline placement requests addressed to the caller's
 * provider.
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private final ProviderRequests requests;

  RequestController(ProviderRequests requests) {
    this.requests = requests;
  }

  @Operation(
      summary = "Open placement requests addressed to the caller's provider groups (pseudonymised)")
  @GetMapping
  List<ProviderRequests.OpenRequest> open(@AuthenticationPrincipal KsiUser user) {
    return requests.open(List.copyOf(user.groups()));
  }

  @Operation(
      summary =
          "Accept a request: the first acceptance wins, the place is booked; 409 if no longer open")
  @PostMapping("/{holdId}/accept")
  ResponseEntity<Void> accept(@PathVariable long holdId, @AuthenticationPrincipal KsiUser user) {
    requests.accept(holdId, List.copyOf(user.groups()));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Decline a request with a reason from the fixed list")
  @PostMapping("/{holdId}/decline")
  ResponseEntity<Void> decline(
      @PathVariable long holdId,
      @Valid @RequestBody Decline body,
      @AuthenticationPrincipal KsiUser user) {
    requests.decline(holdId, body.reason(), body.note(), List.copyOf(user.groups()));
    return ResponseEntity.noContent().build();
  }

  /** A decline with its reason. */
  record Decline(@NotNull DeclineReason reason, @Size(max = 1000) String note) {}
}
