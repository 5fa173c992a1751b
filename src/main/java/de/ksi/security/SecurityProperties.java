// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Our own security settings.
 *
 * @param dataKey base64 AES-256 key for the personal columns ({@code KSI_DATA_KEY}); required in
 *     production
 * @param retention how long personal data of a closed case is kept after closing ({@code
 *     KSI_RETENTION})
 */
@ConfigurationProperties("ksi.security")
public record SecurityProperties(String dataKey, Period retention) {

  public SecurityProperties {
    retention = retention == null ? Period.ofYears(2) : retention;
  }
}
