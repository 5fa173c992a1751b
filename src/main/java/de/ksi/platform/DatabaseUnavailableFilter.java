// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a lost database met before any controller (e.g. while checking a password
 * against the engine's users) is answered with the same 503 problem as inside, instead of the
 * servlet container's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private static final String CODE = "problem.database-unavailable";

  private final MessageSource texts;
  private final ObjectMapper json = new ObjectMapper();

  DatabaseUnavailableFilter(MessageSource texts) {
    this.texts = texts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!Failures.databaseUnavailable(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("database unavailable, answered with 503: {}", e.getMessage());
      Locale locale =
          "de".equals(request.getLocale().getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
      problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
      problem.put("detail", texts.getMessage(CODE, null, CODE, locale));
      problem.put("instance", request.getRequestURI());
      problem.put("code", CODE);
      response.reset();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
