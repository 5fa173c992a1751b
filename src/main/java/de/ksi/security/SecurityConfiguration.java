// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.credentials.MachineCredentials;
import de.ksi.network.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Authentication on every endpoint: our {@code /api}, the OpenAPI document and Actuator through
 * Spring Security (HTTP Basic against Camunda users); {@code /engine-rest} through Camunda's own
 * filter; the webapps through their own login with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      IdentityService identityService,
      ProcessEngine engine,
      ProblemAuthenticationEntryPoint problems,
      MachineCredentials machineClients)
      throws Exception {
    http.securityMatcher("/api/**", "/v3/api-docs/**", "/v3/api-docs.yaml", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasAnyAuthority("GROUP_" + Groups.ADMINS, "GROUP_" + Groups.COORDINATORS)
                    .requestMatchers("/api/audit", "/api/audit/**")
                    .hasAnyAuthority(
                        "GROUP_" + Groups.COORDINATORS, "GROUP_" + Groups.DATA_PROTECTION)
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems).realmName("KSI"))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // never a new session id: the webapps' parallel requests still carry the old one and would
        // get 401
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(f -> f.none()))
        // Basic authentication sends no cookie; the webapp session is accepted only with the CSRF
        // header
        .csrf(csrf -> csrf.disable())
        // the Cockpit plugin calls /api with the webapp session and its CSRF token
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(engine), BasicAuthenticationFilter.class)
        // providers' own systems: Bearer tokens, limited to reporting their own offers
        // (de.ksi.credentials)
        .addFilterBefore(machineClients.authenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(
            new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Webapps and /engine-rest bring their own authentication, CSRF protection and security headers.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webappsAndEngineRest(HttpSecurity http) throws Exception {
    http.securityMatcher("/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
    return http.build();
  }

  /** Cockpit's start page without the engine's edit tools for everyone but administrators. */
  @Bean
  FilterRegistrationBean<CockpitToolsFilter> cockpitToolsFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new CockpitToolsFilter(engine));
    registration.setName("ksi-cockpit-tools");
    registration.addUrlPatterns("/camunda/app/cockpit/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /**
   * Camunda's HTTP Basic authentication for {@code /engine-rest}: without it, the engine API is
   * open.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
