// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Failed logins slow down per account and source; nothing locks for good, the user's own source
 * stays open.
 */
class LoginThrottleTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-03T22:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(LoginSettings.defaults(), now::get);

  @Test
  void threeFreeAttemptsThenADelayThatDoublesUpToFifteenMinutes() {
    for (int i = 1; i <= 3; i++) {
      throttle.failed("fk-seg-1", "10.0.0.1");
    }
    assertThat(throttle.blocked("fk-seg-1", "10.0.0.1")).isEmpty();

    throttle.failed("fk-seg-1", "10.0.0.1");
    assertThat(throttle.blocked("fk-seg-1", "10.0.0.1")).contains(Duration.ofSeconds(30));
    assertThat(throttle.pairDelay(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(throttle.pairDelay(6)).isEqualTo(Duration.ofMinutes(2));
    assertThat(throttle.pairDelay(40)).isEqualTo(Duration.ofMinutes(15));

    advance(Duration.ofSeconds(31));
    assertThat(throttle.blocked("fk-seg-1", "10.0.0.1")).isEmpty();
  }

  @Test
  void aGuesserFromOneSourceDoesNotBlockTheUsersOwnSource() {
    throttle.succeeded("fk-seg-1", "10.0.0.2");
    for (int i = 0; i < 50; i++) {
      advance(Duration.ofMinutes(16));
      throttle.failed("fk-seg-1", "203.0.113.9");
    }

    assertThat(throttle.blocked("fk-seg-1", "10.0.0.2")).isEmpty();
    assertThat(throttle.blocked("FK-SEG-1", "203.0.113.9"))
        .as("names are compared case-insensitively")
        .isPresent();
  }

  @Test
  void manyFailuresFromManySourcesMakeUnknownSourcesWaitAtMostAMinute() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("admin", "198.51.100." + i);
    }

    assertThat(throttle.blocked("admin", "10.0.0.3"))
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    advance(Duration.ofMinutes(1));
    assertThat(throttle.blocked("admin", "10.0.0.3")).isEmpty();
  }

  @Test
  void liftingEndsEveryBlockOfTheAccount() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("fk-seg-1", "203.0.113.9");
    }

    throttle.lift("fk-seg-1");

    assertThat(throttle.blocked("fk-seg-1", "203.0.113.9")).isEmpty();
    assertThat(throttle.blocked("fk-seg-1", "10.0.0.4")).isEmpty();
  }

  @Test
  void aQuietHalfHourForgetsOldMistakes() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("fk-seg-1", "10.0.0.1");
    }
    advance(Duration.ofMinutes(31));

    throttle.failed("fk-seg-1", "10.0.0.1");

    assertThat(throttle.blocked("fk-seg-1", "10.0.0.1")).isEmpty();
  }

  private void advance(Duration duration) {
    now.set(now.get().plus(duration));
  }
}
