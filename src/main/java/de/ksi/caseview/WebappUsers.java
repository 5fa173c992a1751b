// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.network.KsiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;

/**
 * The user logged in to Tasklist or Cockpit in this browser: our pages opened from a task are read
 * with the webapp login (the session guard keeps it true to the user directory). Pages only read;
 * nothing is changed with it.
 */
@Component
class WebappUsers {

  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  private static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";

  private final ProcessEngine engine;

  WebappUsers(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The webapp session's CSRF token, which our pages' scripts send to /api (as Cockpit's do). */
  Optional<String> csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    try {
      return session != null && session.getAttribute(CSRF_TOKEN) instanceof String token
          ? Optional.of(token)
          : Optional.empty();
    } catch (IllegalStateException invalidated) {
      return Optional.empty();
    }
  }

  Optional<KsiUser> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    try {
      Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
      if (logins != null
          && logins.getAuthenticationForProcessEngine(engine.getName())
              instanceof UserAuthentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return Optional.of(new KsiUser(user.getIdentityId(), new HashSet<>(groups)));
      }
    } catch (IllegalStateException invalidated) {
      // the session ended meanwhile
    }
    return Optional.empty();
  }
}
