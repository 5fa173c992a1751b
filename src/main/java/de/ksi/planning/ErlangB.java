// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

/**
 * The Erlang loss formula B(A, c): the share of arrivals that find all c places taken when the
 * offered load is A Erlang (arrivals per day times mean stay in days), with Poisson arrivals and
 * any stay distribution.
 */
final class ErlangB {

  /** No category of any network needs more; guards the search for the required places. */
  static final int MAX_PLACES = 100_000;

  private ErlangB() {}

  /**
   * B(A, c) by the recursion B(A, 0) = 1, B(A, k) = A·B(A, k−1) / (k + A·B(A, k−1)), which never
   * overflows and stays accurate for loads of thousands of Erlang.
   */
  static double blocking(double load, int places) {
    requireLoad(load);
    if (places < 0) {
      throw new IllegalArgumentException("places must not be negative, was " + places);
    }
    double b = 1.0;
    for (int k = 1; k <= places; k++) {
      b = load * b / (k + load * b);
    }
    return b;
  }

  /** The smallest number of places c with B(A, c) ≤ target share; none when nobody arrives. */
  static int requiredPlaces(double load, double targetShare) {
    requireLoad(load);
    if (!(targetShare > 0 && targetShare < 1)) {
      throw new IllegalArgumentException(
          "target share must lie strictly between 0 and 1, was " + targetShare);
    }
    if (load == 0) {
      return 0;
    }
    double b = 1.0;
    int c = 0;
    while (b > targetShare) {
      if (c == MAX_PLACES) {
        throw new IllegalArgumentException(
            "load " + load + " needs more than " + MAX_PLACES + " places");
      }
      c++;
      b = load * b / (c + load * b);
    }
    return c;
  }

  /** Mean number of occupied places, A·(1 − B): the carried load. */
  static double carried(double load, int places) {
    return load * (1 - blocking(load, places));
  }

  private static void requireLoad(double load) {
    if (!(load >= 0) || Double.isInfinite(load)) {
      throw new IllegalArgumentException("load must be a finite number ≥ 0, was " + load);
    }
  }
}
