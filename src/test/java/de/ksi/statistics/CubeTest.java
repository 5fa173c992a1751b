// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Small counts are hidden, and so is whatever would let a reader work them out again from a total.
 */
class CubeTest {

  /** One line of parts plus its total: 1 scope, 1 row, parts in the columns. */
  private static Cube line(int... parts) {
    Cube cube = new Cube(1, 1, parts.length + 1, false, false, true);
    for (int i = 0; i < parts.length; i++) {
      cube.add(0, 0, i, parts[i]);
    }
    return cube;
  }

  @Test
  void countsBelowTheMinimumAreHiddenZerosAndLargeCountsShown() {
    Cube cube = line(0, 5, 7, 2, 3);
    cube.suppress(5);
    assertThat(cube.hidden(0, 0, 0)).as("zero").isFalse();
    assertThat(cube.hidden(0, 0, 1)).as("5").isFalse();
    assertThat(cube.hidden(0, 0, 3)).as("2").isTrue();
    assertThat(cube.hidden(0, 0, 4)).as("3").isTrue();
    assertThat(cube.count(0, 0, 5)).as("total").isEqualTo(17);
    assertThat(cube.hidden(0, 0, 5)).isFalse();
  }

  @Test
  void aSingleHiddenCountTakesTheSmallestOtherCountWithItSoTheTotalGivesNothingAway() {
    Cube cube = line(3, 10, 12, 0);
    cube.suppress(5);
    assertThat(cube.hidden(0, 0, 0)).isTrue();
    assertThat(cube.hidden(0, 0, 1)).as("secondary: smallest other non-zero count").isTrue();
    assertThat(cube.hidden(0, 0, 2)).isFalse();
    assertThat(cube.hidden(0, 0, 3)).as("zero stays").isFalse();
    assertThat(cube.hidden(0, 0, 4)).as("total 25 shown").isFalse();
  }

  @Test
  void aSmallCountOfOneOfficeTakesTheNextSmallestOfficeWithItNotTheNetworkFigure() {
    Cube cube = new Cube(4, 1, 1, true, false, false);
    cube.add(0, 0, 0, 40);
    cube.add(1, 0, 0, 2);
    cube.add(2, 0, 0, 9);
    cube.suppress(5);
    assertThat(cube.hidden(1, 0, 0)).isTrue();
    assertThat(cube.hidden(2, 0, 0)).as("9 would give the 2 away: network 51 − 40 − 9").isTrue();
    assertThat(cube.hidden(0, 0, 0)).isFalse();
    assertThat(cube.hidden(3, 0, 0)).as("the network figure stays").isFalse();
  }

  @Test
  void aSmallTotalIsHiddenItself() {
    Cube cube = line(2, 0, 1);
    cube.suppress(5);
    assertThat(cube.hidden(0, 0, 3)).isTrue();
    assertThat(cube.hidden(0, 0, 0)).isTrue();
    assertThat(cube.hidden(0, 0, 2)).isTrue();
  }

  @Test
  void theMinimumCountIsConfigurable() {
    Cube strict = line(6, 9, 20);
    strict.suppress(10);
    assertThat(strict.hidden(0, 0, 0)).isTrue();
    assertThat(strict.hidden(0, 0, 1)).isTrue();
    Cube open = line(6, 9, 20);
    open.suppress(1);
    assertThat(open.hidden(0, 0, 0)).isFalse();
    assertThat(open.hidden(0, 0, 1)).isFalse();
  }

  @Test
  void suppressionHoldsAcrossRowsColumnsAndOfficesAtOnce() {
    // two offices (+ network) by two periods (+ total) by two columns (+ total)
    Cube cube = new Cube(3, 3, 3, true, true, true);
    int[][][] counts = {{{2, 20}, {30, 40}}, {{50, 60}, {70, 80}}};
    for (int o = 0; o < 2; o++) {
      for (int p = 0; p < 2; p++) {
        for (int c = 0; c < 2; c++) {
          cube.add(o, p, c, counts[o][p][c]);
        }
      }
    }
    cube.suppress(5);
    assertThat(cube.count(2, 2, 2)).as("grand total").isEqualTo(352);
    // no line anywhere may hold exactly one hidden part next to a shown total
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        assertThat(hiddenParts(cube, a, b, 0)).isNotEqualTo(1);
        assertThat(hiddenParts(cube, a, b, 1)).isNotEqualTo(1);
        assertThat(hiddenParts(cube, a, b, 2)).isNotEqualTo(1);
      }
    }
    assertThat(cube.hidden(0, 0, 0)).isTrue();
  }

  /**
   * Hidden parts of the line through (a, b) along the axis, or -1 when the line's total is hidden.
   */
  private static int hiddenParts(Cube cube, int a, int b, int axis) {
    int[] at = new int[3];
    int n = 0;
    for (int p = 0; p < 3; p++) {
      switch (axis) {
        case 0 -> at = new int[] {p, a, b};
        case 1 -> at = new int[] {a, p, b};
        default -> at = new int[] {a, b, p};
      }
      if (cube.hidden(at[0], at[1], at[2])) {
        if (p == 2) {
          return -1;
        }
        n++;
      }
    }
    return n;
  }
}
