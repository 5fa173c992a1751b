// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a webapp login (Tasklist, Cockpit, Admin, and {@code /api} called with it) true to the user
 * directory and to the person at the desk. At most every {@link LoginSettings#recheck()} the user
 * is read again: a deleted or locked user's session ends, a changed group membership replaces the
 * session's groups. The session ends after the idle time ({@code server.servlet.session.timeout})
 * without <em>user</em> activity: the requests the pages send by themselves on a timer do not count
 * (see {@link #polling}).
 */
class SessionGuardFilter extends OncePerRequestFilter {

  static final String LAST_ACTIVITY = "ksi.lastUserActivity";
  static final String CHECKED_AT = "ksi.userCheckedAt";

  /**
   * Where Camunda keeps the logins of a session ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}).
   */
  private static final String CAMUNDA_LOGINS = "authenticatedUser";

  /**
   * What the webapps ask on their own: Tasklist every 10 s re-reads the open task ({@code GET
   * …/task/{id}}) and the task list and counts of its filters ({@code …/filter/{id}/list}, {@code
   * …/filter/{id}/count}, {@code …/filter?itemCount…}, {@code …/task/count}); our Cockpit dashboard
   * reloads {@code GET /api/lagebild} every minute, the case view its state ({@code
   * /faelle/{ref}/stand}) every 15 s. Opening a task, a form, a process or any change is activity.
   */
  private static final Pattern POLLING =
      Pattern.compile(
          "^/camunda/api/engine/engine/[^/]+/(task/[^/]+|task/count|filter/?|filter/count|filter/[^/]+/(list|count))/?$"
              + "|^/api/lagebild/?$|^/faelle/[^/]+/stand$");

  private final ProcessEngine engine;
  private final Clock clock;
  private final Duration idle;
  private final Duration recheck;

  SessionGuardFilter(ProcessEngine engine, Clock clock, Duration idle, Duration recheck) {
    this.engine = engine;
    this.clock = clock;
    this.idle = idle;
    this.recheck = recheck;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(CAMUNDA_LOGINS) instanceof Authentications logins
        && !logins.getAuthentications().isEmpty()) {
      guard(request, session, logins);
    }
    chain.doFilter(request, response);
  }

  private void guard(HttpServletRequest request, HttpSession session, Authentications logins) {
    long now = clock.millis();
    try {
      Long lastActivity = (Long) session.getAttribute(LAST_ACTIVITY);
      if (lastActivity != null && now - lastActivity > idle.toMillis()) {
        session.invalidate();
        return;
      }
      if (lastActivity == null || !polling(request)) {
        session.setAttribute(LAST_ACTIVITY, now);
      }
      Long checkedAt = (Long) session.getAttribute(CHECKED_AT);
      if (checkedAt == null) {
        // just logged in: the login itself read the user
        session.setAttribute(CHECKED_AT, now);
      } else if (now - checkedAt >= recheck.toMillis()) {
        if (recheck(logins, now)) {
          AuthenticationUtil.updateSession(session, logins);
          session.setAttribute(CHECKED_AT, now);
        } else {
          session.invalidate();
        }
      }
    } catch (IllegalStateException invalidatedMeanwhile) {
      // a parallel request of the same browser ended the session: this one goes on without it
    }
  }

  /** Reads every login of the session again; false if one of its users is gone or locked. */
  private boolean recheck(Authentications logins, long now) {
    for (UserAuthentication login : List.copyOf(logins.getAuthentications())) {
      if (!engine.getName().equals(login.getProcessEngineName())) {
        continue;
      }
      User user =
          engine
              .getIdentityService()
              .createUserQuery()
              .userId(login.getIdentityId())
              .singleResult();
      if (user == null || locked(user, now)) {
        return false;
      }
      UserAuthentication fresh =
          AuthenticationUtil.createAuthentication(engine, login.getIdentityId());
      if (fresh == null) {
        return false;
      }
      fresh.setCacheValidationTime(new Date(now + recheck.toMillis()));
      logins.addOrReplace(fresh);
    }
    return true;
  }

  private boolean locked(User user, long now) {
    if (!(user instanceof UserEntity entity)) {
      return false;
    }
    int maxAttempts =
        ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine)
            .getProcessEngineConfiguration()
            .getLoginMaxAttempts();
    return entity.getAttempts() >= maxAttempts
        || entity.getLockExpirationTime() != null && entity.getLockExpirationTime().getTime() > now;
  }

  static boolean polling(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ("GET".equals(request.getMethod())
            || "POST".equals(request.getMethod()) && path.matches(".*/(list|count)/?$"))
        && POLLING.matcher(path).matches();
  }
}
