// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Accounts on every channel: login throttling in front of every password check, the session guard
 * (directory re-check, idle end) in front of the webapps and {@code /api}, the guard of Camunda's
 * setup page. All run before Spring Security and Camunda's own filters, so they see every request
 * of those channels.
 */
@Configuration(proxyBeanMethods = false)
class AccountProtection {

  @Bean
  LoginThrottle loginThrottle(LoginSettings settings, Clock clock) {
    return new LoginThrottle(settings, clock::instant);
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
      LoginThrottle throttle, LoginSettings settings, MessageSource texts) {
    var registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, settings, texts));
    registration.setName("ksi-login-throttle");
    registration.addUrlPatterns(
        "/api/*",
        "/v3/*",
        "/actuator/*",
        "/engine-rest/*",
        "/camunda/api/admin/auth/user/*",
        "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SessionGuardFilter> sessionGuardFilter(
      ProcessEngine engine, Clock clock, ServerProperties server, LoginSettings settings) {
    Duration idle = server.getServlet().getSession().getTimeout();
    var registration =
        new FilterRegistrationBean<>(
            new SessionGuardFilter(
                engine, clock, idle == null ? Duration.ofMinutes(30) : idle, settings.recheck()));
    registration.setName("ksi-session-guard");
    // our case pages read the same webapp login (de.ksi.caseview.WebappUsers)
    registration.addUrlPatterns("/camunda/*", "/api/*", "/faelle/*", "/aufnahme/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SetupGuardFilter> setupGuardFilter(FirstAdministrator first) {
    var registration = new FilterRegistrationBean<>(new SetupGuardFilter(first));
    registration.setName("ksi-setup-guard");
    registration.addUrlPatterns("/camunda/app/admin/*", "/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return registration;
  }
}
