// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The yardstick of benchmark part 4 (issue #22, decision 7): a bare Camunda + Spring Boot
 * application with our starters and libraries but none of our code, configuration or migrations,
 * started as its own JVM by {@code StartupBenchmark}.
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
   * What any application with the security starter needs so that a probe can ask for readiness;
   * everything else asks for a login.
   */
  @Bean
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
}
