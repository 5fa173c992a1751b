// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Slows password guessing without letting anyone lock an account: failed logins are counted per
 * (account, source address) and block only that pair, with an exponentially growing delay; failures
 * across all sources add a short, capped delay for sources that never logged into the account, so a
 * guesser with many addresses is slowed too, while the real user's own source stays open. Nothing
 * is permanent: every block ends by itself (at most {@link LoginSettings#maxDelay()}), and a
 * coordinator or administrator can lift it early. Kept in the node's memory (a restart forgets it).
 */
class LoginThrottle {

  /** Failed attempts of one pair or account and when the last one counted. */
  private record Failures(int count, Instant last) {}

  private static final int MAX_ENTRIES = 100_000;

  private final LoginSettings settings;
  private final Supplier<Instant> clock;
  private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

  /** Sources from which an account logged in successfully, with the time of the last success. */
  private final Map<String, Instant> knownSources = new ConcurrentHashMap<>();

  LoginThrottle(LoginSettings settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the account is still blocked for this source, or empty if it may try now. */
  Optional<Duration> blocked(String user, String source) {
    Instant now = clock.get();
    String account = normalise(user);
    Duration wait = remaining(pairs.get(pair(account, source)), now, this::pairDelay);
    if (!known(account, source, now)) {
      Duration accountWait = remaining(accounts.get(account), now, this::accountDelay);
      wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
    }
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  void failed(String user, String source) {
    Instant now = clock.get();
    String account = normalise(user);
    if (pairs.size() > MAX_ENTRIES || accounts.size() > MAX_ENTRIES) {
      forgetQuiet(now);
    }
    pairs.merge(
        pair(account, source),
        new Failures(1, now),
        (old, one) ->
            new Failures(
                quiet(old, now, settings.maxDelay().multipliedBy(2)) ? 1 : old.count() + 1, now));
    accounts.merge(
        account,
        new Failures(1, now),
        (old, one) ->
            new Failures(quiet(old, now, settings.accountWindow()) ? 1 : old.count() + 1, now));
  }

  void succeeded(String user, String source) {
    String account = normalise(user);
    pairs.remove(pair(account, source));
    knownSources.put(pair(account, source), clock.get());
  }

  /** Lifts every block of the account (the night duty's "unlock"). */
  void lift(String user) {
    String account = normalise(user);
    accounts.remove(account);
    pairs.keySet().removeIf(key -> key.startsWith(account + "\n"));
  }

  /**
   * Exponential per pair: the first attempts are free, then 30 s, 1 min, 2 min … up to the maximum.
   */
  Duration pairDelay(int failures) {
    int over = failures - settings.freeAttempts();
    if (over <= 0) {
      return Duration.ZERO;
    }
    Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(over - 1, 20));
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  /**
   * Soft per account: once many failures come from anywhere, unknown sources wait a short, capped
   * time.
   */
  Duration accountDelay(int failures) {
    int over = failures - settings.accountFreeAttempts();
    if (over <= 0) {
      return Duration.ZERO;
    }
    Duration delay = settings.firstDelay().multipliedBy(over);
    return delay.compareTo(settings.accountMaxDelay()) > 0 ? settings.accountMaxDelay() : delay;
  }

  private Duration remaining(
      Failures failures, Instant now, java.util.function.IntFunction<Duration> delay) {
    if (failures == null) {
      return Duration.ZERO;
    }
    return Duration.between(now, failures.last().plus(delay.apply(failures.count())));
  }

  /**
   * No failure for this long: the count starts again (a mistyped password in the morning is
   * forgotten by noon).
   */
  private static boolean quiet(Failures failures, Instant now, Duration quietFor) {
    return failures.last().plus(quietFor).isBefore(now);
  }

  /** Bounds the memory a guesser with many names or addresses can fill. */
  private void forgetQuiet(Instant now) {
    pairs.values().removeIf(f -> quiet(f, now, settings.maxDelay().multipliedBy(2)));
    accounts.values().removeIf(f -> quiet(f, now, settings.accountWindow()));
    knownSources.values().removeIf(last -> last.plus(settings.knownSourceFor()).isBefore(now));
  }

  private boolean known(String account, String source, Instant now) {
    Instant last = knownSources.get(pair(account, source));
    return last != null && last.plus(settings.knownSourceFor()).isAfter(now);
  }

  private static String pair(String account, String source) {
    return account + "\n" + source;
  }

  private static String normalise(String user) {
    return user == null ? "" : user.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
