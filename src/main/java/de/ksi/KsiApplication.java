// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/**
 * Koordinierungsstelle Inobhutnahme: emergency placement coordination on an embedded Camunda 7
 * engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KsiApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(KsiApplication.class);
    if (Boolean.getBoolean("ksi.startup-steps")) {
      // where a start spends its time: every bean's creation and every start step as a JFR event
      // (spring.*), for a recording started with -XX:StartFlightRecording (docs/operations.md)
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }
}
