// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

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
 * The user logged in to the Camunda webapps in this browser session, and the session's CSRF token,
 * for our pages outside the webapps: they call {@code /api} with the session and that token, as the
 * Cockpit plugins do.
 */
@Component
class WebappLogin {

  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  private static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";

  private final ProcessEngine engine;

  WebappLogin(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The logged-in user with the session's CSRF token; empty without a webapp login. */
  Optional<Login> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(CSRF_TOKEN) instanceof String token)) {
      return Optional.empty();
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    if (logins == null
        || !(logins.getAuthenticationForProcessEngine(engine.getName())
            instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return Optional.of(new Login(new KsiUser(user.getIdentityId(), new HashSet<>(groups)), token));
  }

  /** A webapp login. */
  record Login(KsiUser user, String csrfToken) {}
}
