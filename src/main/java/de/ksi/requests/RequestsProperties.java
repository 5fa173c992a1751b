// SPDX-License-Identifier: EUPL-1.2
package de.ksi.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of placement requests.
 *
 * @param maxParallel how many providers a caseworker may ask at once for one child (default 5)
 */
@ConfigurationProperties("ksi.requests")
record RequestsProperties(@DefaultValue("5") int maxParallel) {

  RequestsProperties {
    if (maxParallel < 1 || maxParallel > 50) {
      throw new IllegalArgumentException(
          "ksi.requests.max-parallel must be between 1 and 50, was " + maxParallel);
    }
  }
}
