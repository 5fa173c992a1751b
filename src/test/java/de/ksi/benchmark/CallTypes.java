// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Latency per kind of HTTP call, shared by all simulated users; unexpected answers counted as
 * errors.
 */
final class CallTypes {

  private final Map<String, Latency> byType = new ConcurrentSkipListMap<>();
  private final Map<String, String> firstError = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong conflicts =
      new java.util.concurrent.atomic.AtomicLong();

  Latency of(String type) {
    return byType.computeIfAbsent(type, t -> new Latency());
  }

  void error(String type, String detail) {
    of(type).error();
    firstError.putIfAbsent(type, detail.length() > 300 ? detail.substring(0, 300) : detail);
  }

  /** A 409: another user was faster; the simulated user tries again, as a person would. */
  void conflict() {
    conflicts.incrementAndGet();
  }

  long conflicts() {
    return conflicts.get();
  }

  Map<String, Latency> all() {
    return byType;
  }

  Map<String, String> firstErrors() {
    return firstError;
  }

  long errors() {
    return byType.values().stream().mapToLong(Latency::errors).sum();
  }
}
