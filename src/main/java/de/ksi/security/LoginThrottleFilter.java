// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of every way to present a password: HTTP Basic on {@code
 * /api}, the OpenAPI document, Actuator and {@code /engine-rest}, and the webapps' login form. A
 * blocked attempt is answered 429 with {@code Retry-After} and a message saying how long and who
 * lifts the block at night (German in the webapps, which speak German only); the password is then
 * not checked at all. After the request, a 401 counts as a failed attempt and any other answer as a
 * successful one. Camunda's {@code identity/verify} (checks any user's password for any logged-in
 * caller) is refused.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  /** Camunda's webapp login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  private static final Pattern WEBAPP_LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

  /**
   * Camunda's password check for other users' passwords, a guessing oracle the throttle cannot see
   * into.
   */
  private static final Pattern IDENTITY_VERIFY =
      Pattern.compile(
          "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?$");

  private final LoginThrottle throttle;
  private final LoginSettings settings;
  private final MessageSource texts;
  private final ObjectMapper json = new ObjectMapper();

  LoginThrottleFilter(LoginThrottle throttle, LoginSettings settings, MessageSource texts) {
    this.throttle = throttle;
    this.settings = settings;
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (IDENTITY_VERIFY.matcher(path).matches()) {
      // nothing of ours uses it: refused, so that nobody guesses passwords past the throttle
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      json.writeValue(
          response.getOutputStream(),
          Map.of(
              "type",
              "Forbidden",
              "message",
              "identity/verify is switched off: it would check passwords past the login throttle"));
      return;
    }
    boolean webappLogin =
        "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
    String user;
    if (webappLogin) {
      ReplayableForm form = new ReplayableForm(request);
      request = form;
      user = form.field("username");
    } else {
      user = basicUser(request);
    }
    if (user == null || user.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    String source = request.getRemoteAddr();
    Optional<Duration> blocked = throttle.blocked(user, source);
    if (blocked.isPresent()) {
      refuse(request, response, path, webappLogin, blocked.get());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, source);
    } else if (response.getStatus() < 500) {
      throttle.succeeded(user, source);
    }
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      String path,
      boolean webapp,
      Duration wait)
      throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = (seconds + 59) / 60;
    Locale locale =
        webapp || "de".equals(request.getLocale().getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    String text =
        texts.getMessage(
            "problem.login-throttled", new Object[] {minutes, settings.nightContact()}, locale);
    Map<String, Object> body = new LinkedHashMap<>();
    if (path.startsWith("/api") || path.startsWith("/actuator") || path.startsWith("/v3")) {
      response.setContentType("application/problem+json");
      body.put("type", "about:blank");
      body.put("title", "Too Many Requests");
      body.put("status", 429);
      body.put("detail", text);
      body.put("instance", request.getRequestURI());
      body.put("code", "problem.login-throttled");
    } else {
      // the shape of Camunda's own errors: the login page shows "message"
      response.setContentType("application/json");
      body.put("type", "LoginThrottled");
      body.put("message", text);
      body.put("code", "problem.login-throttled");
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  /** The user name of HTTP Basic credentials, or null. */
  static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
