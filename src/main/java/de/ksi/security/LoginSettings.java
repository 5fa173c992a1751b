// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed and how often a logged-in session is checked against the user
 * directory ({@code ksi.security.login.*}, docs/operations.md).
 *
 * @param freeAttempts failed attempts per account and source before the first delay
 * @param firstDelay the first delay; it doubles with every further failure of the pair
 * @param maxDelay the longest delay of a pair (the longest anyone waits)
 * @param accountFreeAttempts failures of an account from all sources (within {@code accountWindow})
 *     before sources that never logged into it wait
 * @param accountMaxDelay the longest such wait
 * @param accountWindow failures of an account older than this are forgotten
 * @param knownSourceFor how long a source counts as the user's own after a successful login
 * @param recheck how often a session's user, lock state and groups are read again from the
 *     directory
 * @param nightContact who lifts a block at night, named in the message a blocked user sees
 */
@ConfigurationProperties("ksi.security.login")
record LoginSettings(
    Integer freeAttempts,
    Duration firstDelay,
    Duration maxDelay,
    Integer accountFreeAttempts,
    Duration accountMaxDelay,
    Duration accountWindow,
    Duration knownSourceFor,
    Duration recheck,
    String nightContact) {

  LoginSettings {
    freeAttempts = freeAttempts == null ? 3 : freeAttempts;
    firstDelay = firstDelay == null ? Duration.ofSeconds(30) : firstDelay;
    maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
    accountFreeAttempts = accountFreeAttempts == null ? 10 : accountFreeAttempts;
    accountMaxDelay = accountMaxDelay == null ? Duration.ofMinutes(1) : accountMaxDelay;
    accountWindow = accountWindow == null ? Duration.ofMinutes(15) : accountWindow;
    knownSourceFor = knownSourceFor == null ? Duration.ofDays(30) : knownSourceFor;
    recheck = recheck == null ? Duration.ofSeconds(60) : recheck;
    nightContact =
        nightContact == null || nightContact.isBlank()
            ? "die Koordinierungsstelle (rund um die Uhr besetzt)"
            : nightContact;
    if (freeAttempts < 1
        || accountFreeAttempts < 1
        || firstDelay.isNegative()
        || firstDelay.isZero()
        || maxDelay.compareTo(firstDelay) < 0
        || accountMaxDelay.compareTo(maxDelay) > 0
        || recheck.isNegative()
        || recheck.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalStateException(
          "ksi.security.login: attempts must be at least 1, first-delay positive and"
              + " at most max-delay, account-max-delay at most max-delay, recheck at most one minute");
    }
  }

  /** The defaults. */
  static LoginSettings defaults() {
    return new LoginSettings(null, null, null, null, null, null, null, null, null);
  }
}
