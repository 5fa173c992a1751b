// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lifts the login delay of an account early: the coordinators' night duty and administrators. */
@RestController
class AccountController {

  private final LoginThrottle throttle;
  private final IdentityService identity;
  private final IdentitySetup setup;

  AccountController(LoginThrottle throttle, IdentityService identity, IdentitySetup setup) {
    this.throttle = throttle;
    this.identity = identity;
    this.setup = setup;
  }

  @PostMapping("/api/accounts/{userId}/unlock")
  ResponseEntity<Void> unlock(
      @PathVariable String userId, @AuthenticationPrincipal KsiUser caller) {
    if (!AccessPolicy.runsNetwork(caller)) {
      throw new ProblemException.Forbidden("problem.forbidden");
    }
    // coordinators may not read users in the engine, nor unlock them there: the night duty acts as
    // the system
    AtomicBoolean exists = new AtomicBoolean();
    setup.asSystem(() -> exists.set(identity.createUserQuery().userId(userId).count() > 0));
    if (!exists.get()) {
      throw new ProblemException.NotFound("problem.account.not-found", userId);
    }
    throttle.lift(userId);
    // also Camunda's own failed-attempt counter
    setup.asSystem(() -> identity.unlockUser(userId));
    return ResponseEntity.noContent().build();
  }
}
