// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --ksi.demo.night=true}: plays the demo night once the application has started and leaves
 * it running. A command-line demo: its narration goes to the console, not to the log.
 */
@Component
@ConditionalOnProperty(
    name = {"ksi.demo.enabled", "ksi.demo.night"},
    havingValue = "true")
class DemoNightRunner implements ApplicationRunner {

  private final DemoNight night;

  DemoNightRunner(DemoNight night) {
    this.night = night;
  }

  @Override
  public void run(ApplicationArguments args) {
    night.play(System.out::println);
  }
}
