// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every feature shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** Offices work in German local time; legal deadlines are counted in it. */
  static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Berlin");

  @Bean
  Clock clock() {
    return new EngineClock(OFFICE_ZONE);
  }
}
