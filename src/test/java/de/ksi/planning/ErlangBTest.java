// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Erlang loss formula against published values, exact arithmetic and its inverse. */
class ErlangBTest {

  @ParameterizedTest(name = "B({0} Erl, {1} places) = {2}")
  @CsvSource({
    // closed forms: B(1,1) = 1/2, B(2,2) = (4/2) / (1 + 2 + 2) = 2/5
    "1, 1, 0.5, 1e-15",
    "2, 2, 0.4, 1e-15",
    // textbook values (e.g. Kleinrock, Queueing Systems I; any Erlang-B table)
    "10, 10, 0.2146, 5e-5",
    "5, 10, 0.01838, 5e-6",
    "10, 15, 0.03650, 5e-6",
    // the traffic that the classic Erlang-B table lists for 1 % and 5 % blocking
    "4.461, 10, 0.01, 5e-6",
    "12.031, 20, 0.01, 5e-6",
    "37.901, 50, 0.01, 5e-6",
    "84.064, 100, 0.01, 5e-6",
    "6.216, 10, 0.05, 5e-5",
    "15.249, 20, 0.05, 5e-5"
  })
  void matchesPublishedValues(double load, int places, double expected, double tolerance) {
    assertThat(ErlangB.blocking(load, places)).isCloseTo(expected, within(tolerance));
  }

  @ParameterizedTest(name = "B({0}, {1}) exact")
  @CsvSource({"3, 5", "50, 60", "100, 110", "200, 180", "7, 0"})
  void equalsTheExactRationalFormula(int load, int places) {
    assertThat(ErlangB.blocking(load, places)).isCloseTo(exact(load, places), within(1e-12));
  }

  @Test
  void requiredPlacesIsTheSmallestCountMeetingTheTarget() {
    // the table says 10 places carry 4.461 Erlang at 1 %, 20 places 15.249 Erlang at 5 %
    assertThat(ErlangB.requiredPlaces(4.4, 0.01)).isEqualTo(10);
    assertThat(ErlangB.requiredPlaces(4.5, 0.01)).isEqualTo(11);
    assertThat(ErlangB.requiredPlaces(15.2, 0.05)).isEqualTo(20);
    assertThat(ErlangB.requiredPlaces(15.3, 0.05)).isEqualTo(21);
    for (double load : new double[] {0.3, 2.5, 17, 136.9, 1200}) {
      int c = ErlangB.requiredPlaces(load, 0.05);
      assertThat(ErlangB.blocking(load, c)).isLessThanOrEqualTo(0.05);
      assertThat(ErlangB.blocking(load, c - 1)).isGreaterThan(0.05);
    }
  }

  @Test
  void noLoadNeedsNoPlace() {
    assertThat(ErlangB.requiredPlaces(0, 0.05)).isZero();
    assertThat(ErlangB.blocking(0, 0)).isEqualTo(1.0);
    assertThat(ErlangB.blocking(0, 3)).isZero();
  }

  @Test
  void refusesMeaninglessInput() {
    assertThatThrownBy(() -> ErlangB.blocking(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangB.blocking(Double.NaN, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangB.requiredPlaces(3, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErlangB.requiredPlaces(3, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** (A^c / c!) / Σ_{k=0..c} A^k / k!, with integers only, then one division. */
  private static double exact(int load, int places) {
    BigInteger a = BigInteger.valueOf(load);
    BigInteger sum = BigInteger.ZERO;
    BigInteger last = BigInteger.ZERO;
    // scale every term by c!: A^k · c!/k!
    for (int k = 0; k <= places; k++) {
      BigInteger term = a.pow(k);
      for (int j = k + 1; j <= places; j++) {
        term = term.multiply(BigInteger.valueOf(j));
      }
      sum = sum.add(term);
      last = term;
    }
    return new BigDecimal(last).divide(new BigDecimal(sum), MathContext.DECIMAL128).doubleValue();
  }
}
