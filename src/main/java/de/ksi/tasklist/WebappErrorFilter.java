// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the error answers of the webapps' engine API ({@code /camunda/api/engine/…}: Tasklist,
 * Cockpit, Admin) a German message (see {@link WebappErrorTexts}); status, type and every other
 * field stay the engine's. Answers that are no error pass unchanged.
 */
@Component
class WebappErrorFilter extends OncePerRequestFilter {

  private static final String ENGINE_API = "/camunda/api/engine/";

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + ENGINE_API);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, cached);
    } finally {
      if (cached.getStatus() >= 400 && String.valueOf(cached.getContentType()).contains("json")) {
        byte[] rewritten = rewrite(cached.getContentAsByteArray());
        if (rewritten != null) {
          cached.resetBuffer();
          cached.getOutputStream().write(rewritten);
        }
      }
      cached.copyBodyToResponse();
    }
  }

  /** The body with a German message, or {@code null} if it has none to translate. */
  private byte[] rewrite(byte[] body) {
    try {
      JsonNode answer = json.readTree(body);
      if (answer instanceof ObjectNode object && object.path("message").isTextual()) {
        String message = object.get("message").asText();
        String german = WebappErrorTexts.german(message);
        if (!Objects.equals(message, german)) {
          object.put("message", german);
          return json.writeValueAsBytes(object);
        }
      }
      return null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
