// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda Admin's setup ({@code POST /camunda/api/admin/setup/{engine}/…}, which makes its
 * caller administrator while none exists) to everybody without the one-time setup token of the
 * start log. The token is given once as {@code ?setup-token=} on the setup page, which remembers it
 * in the browser's session for the page's own request; it is used up when the administrator has
 * been created.
 */
class SetupGuardFilter extends OncePerRequestFilter {

  static final String TOKEN_PARAMETER = "setup-token";
  private static final String SESSION_ATTRIBUTE = "ksi.setupToken";

  private final FirstAdministrator first;

  SetupGuardFilter(FirstAdministrator first) {
    this.first = first;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String token = first.setupToken();
    if (path.matches("^/camunda/app/admin/[^/]+/setup/.*")
        && token != null
        && matches(request.getParameter(TOKEN_PARAMETER), token)) {
      request.getSession(true).setAttribute(SESSION_ATTRIBUTE, token);
    }
    if (!path.startsWith("/camunda/api/admin/setup/")) {
      chain.doFilter(request, response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object remembered = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    if (token == null || !(remembered instanceof String given && matches(given, token))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"SetupClosed\",\"message\":\"Die Einrichtung ist gesperrt: Der erste"
                  + " Administrator entsteht aus KSI_ADMIN_USER/KSI_ADMIN_PASSWORD oder über den Einrichtungslink mit dem"
                  + " Einmal-Token aus dem Startprotokoll.\"}");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() < 300) {
      first.setupDone();
      session.removeAttribute(SESSION_ATTRIBUTE);
    }
  }

  private static boolean matches(String given, String token) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
