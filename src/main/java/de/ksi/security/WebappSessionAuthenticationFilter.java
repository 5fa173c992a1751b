// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.network.KsiUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of the Camunda webapps (our Cockpit plugin) call {@code /api} as the user logged in
 * there: the webapp login in the HTTP session counts as authentication, but only with the webapp's
 * CSRF token in the {@code X-XSRF-TOKEN} header, which another site cannot read. Requests with HTTP
 * Basic credentials are left to the Basic filter; this filter never creates a session.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** Where Camunda's CsrfPreventionFilter keeps the token of the session. */
  static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

  private final ProcessEngine engine;

  WebappSessionAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String token = request.getHeader(CSRF_TOKEN_HEADER);
    if (session != null
        && token != null
        && request.getHeader("Authorization") == null
        && SecurityContextHolder.getContext().getAuthentication() == null
        && matches(token, session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE))) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (authentications != null
          && authentications.getAuthenticationForProcessEngine(engine.getName())
              instanceof UserAuthentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        var principal = new KsiUser(user.getIdentityId(), new HashSet<>(groups));
        var authorities =
            groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean matches(String header, Object expected) {
    return expected instanceof String token
        && MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
