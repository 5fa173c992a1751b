// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} answers carry case data but none of the headers Spring Security gives {@code
 * /api}: no content sniffing ({@code nosniff}) and no copy in a browser or proxy cache ({@code
 * no-store}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestHeaders {

  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String NO_STORE = "no-store";

  @Bean
  FilterRegistrationBean<Filter> engineRestResponseHeaders() {
    Filter headers =
        (request, response, chain) -> {
          HttpServletResponse http = (HttpServletResponse) response;
          http.setHeader("X-Content-Type-Options", "nosniff");
          http.setHeader(CACHE_CONTROL, NO_STORE);
          chain.doFilter(request, new NoStore(http));
        };
    var registration = new FilterRegistrationBean<>(headers);
    registration.setName("ksi-engine-rest-headers");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /**
   * Keeps {@code no-store} when the REST resources set their own {@code Cache-Control: no-cache}.
   */
  private static final class NoStore extends HttpServletResponseWrapper {

    NoStore(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CACHE_CONTROL.equalsIgnoreCase(name)) {
        super.setHeader(name, NO_STORE);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
