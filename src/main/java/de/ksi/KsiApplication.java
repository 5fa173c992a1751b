// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Koordinierungsstelle Inobhutnahme: emergency placement coordination on an embedded Camunda 7
 * engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KsiApplication {

  public static void main(String[] args) {
    SpringApplication.run(KsiApplication.class, args);
  }
}
