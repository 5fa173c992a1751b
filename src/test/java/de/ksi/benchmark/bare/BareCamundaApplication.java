// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark.bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The yardstick of benchmark part 4 (issue #22, decision 7) and of part 3's authenticated REST
 * start rate (decision 5): a bare Camunda + Spring Boot application with our starters and libraries
 * but none of our code, configuration or migrations, started as its own JVM by {@code
 * StartupBenchmark} and {@code BareRestStarts}.
 *
 * <p>Deliberately no {@code @SpringBootApplication} (nor any other {@code @Configuration}): the
 * tests' component scan of {@code de.ksi} and their search for a {@code @SpringBootConfiguration}
 * must not find it. Auto-configuration alone, its own package for entities and repositories (none).
 */
@EnableAutoConfiguration
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }

  /**
   * {@code /engine-rest} authenticates with Camunda's own filter (below), so Spring Security leaves
   * it alone, as ours does. Its path is matched as a whole: the REST API is a servlet of its own,
   * which a plain pattern (Spring MVC's, within the dispatcher servlet) would not match.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .build();
  }

  /**
   * What any application with the security starter needs so that a probe can ask for readiness;
   * everything else asks for a login.
   */
  @Bean
  @Order(2)
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  /**
   * Camunda's HTTP Basic authentication for {@code /engine-rest} against its identity service:
   * without it the engine API is open.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
