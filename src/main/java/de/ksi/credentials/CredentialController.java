// SPDX-License-Identifier: EUPL-1.2
package de.ksi.credentials;

import de.ksi.audit.AuditLog;
import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators issue, list and revoke the API credentials of a provider's own system. */
@RestController
@RequestMapping("/api/providers/{providerId}/credentials")
class CredentialController {

  private final MachineCredentials credentials;

  CredentialController(MachineCredentials credentials) {
    this.credentials = credentials;
  }

  @Operation(
      summary =
          "Issue an API credential for the provider's own system (coordinators); the token is shown once")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  MachineCredentials.Issued issue(
      @PathVariable long providerId,
      @Valid @RequestBody NewCredential body,
      @AuthenticationPrincipal KsiUser user) {
    requireCoordinator(user);
    return credentials.issue(providerId, body.label().strip(), user.userId());
  }

  @Operation(
      summary =
          "The provider's API credentials, active and revoked, without secrets (coordinators)")
  @GetMapping
  List<CredentialView> list(@PathVariable long providerId, @AuthenticationPrincipal KsiUser user) {
    requireCoordinator(user);
    return credentials.list(providerId);
  }

  @Operation(summary = "Revoke an API credential (coordinators): its next call is answered 401")
  @DeleteMapping("/{credentialId}")
  CredentialView revoke(
      @PathVariable long providerId,
      @PathVariable long credentialId,
      @AuthenticationPrincipal KsiUser user) {
    requireCoordinator(user);
    return credentials.revoke(providerId, credentialId, user.userId());
  }

  @Operation(
      summary =
          "The latest 200 calls made with an API credential, from the audit log (coordinators)")
  @GetMapping("/{credentialId}/calls")
  List<AuditLog.Entry> calls(
      @PathVariable long providerId,
      @PathVariable long credentialId,
      @AuthenticationPrincipal KsiUser user) {
    requireCoordinator(user);
    return credentials.calls(providerId, credentialId);
  }

  private static void requireCoordinator(KsiUser user) {
    if (!AccessPolicy.coordinates(user)) {
      throw new ProblemException.Forbidden("problem.credential.forbidden");
    }
  }

  /** What the credential is for, e.g. the name of the provider's software. */
  record NewCredential(@NotBlank @Size(max = 100) String label) {}
}
