// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import java.util.Arrays;

/**
 * Counts along three axes (scope × row × column); on an additive axis the last index holds the
 * total of the others. {@link #suppress(int)} hides small counts and, where a hidden count could be
 * recomputed from a shown total, one more count of the same line (secondary suppression).
 */
final class Cube {

  private final int[][][] counts;
  private final boolean[][][] hidden;
  private final boolean[] additive;

  /** Sizes include the total index on additive axes. */
  Cube(
      int scopes,
      int rows,
      int columns,
      boolean scopesAdditive,
      boolean rowsAdditive,
      boolean columnsAdditive) {
    counts = new int[scopes][rows][columns];
    hidden = new boolean[scopes][rows][columns];
    additive = new boolean[] {scopesAdditive, rowsAdditive, columnsAdditive};
  }

  /** Adds to one inner cell; totals follow when {@link #suppress(int)} runs. */
  void add(int scope, int row, int column, int amount) {
    counts[scope][row][column] += amount;
  }

  int count(int scope, int row, int column) {
    return counts[scope][row][column];
  }

  boolean hidden(int scope, int row, int column) {
    return hidden[scope][row][column];
  }

  /**
   * Fills the totals, hides counts below {@code k} and then, line by line, counts that would give
   * them away.
   */
  void suppress(int k) {
    fillTotals();
    int[] size = {counts.length, counts[0].length, counts[0][0].length};
    for (int a = 0; a < size[0]; a++) {
      for (int b = 0; b < size[1]; b++) {
        for (int c = 0; c < size[2]; c++) {
          hidden[a][b][c] = counts[a][b][c] > 0 && counts[a][b][c] < k;
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int axis = 0; axis < 3; axis++) {
        if (!additive[axis] || size[axis] < 2) {
          continue;
        }
        int[] others = otherAxes(axis);
        for (int i = 0; i < size[others[0]]; i++) {
          for (int j = 0; j < size[others[1]]; j++) {
            changed |= protectLine(axis, others, i, j, size[axis]);
          }
        }
      }
    }
  }

  /**
   * In one line (parts plus total), a single hidden part next to a shown total takes another part
   * with it.
   */
  private boolean protectLine(int axis, int[] others, int i, int j, int length) {
    int[] at = new int[3];
    at[others[0]] = i;
    at[others[1]] = j;
    at[axis] = length - 1;
    if (hidden[at[0]][at[1]][at[2]]) {
      return false;
    }
    int hiddenParts = 0;
    int smallest = -1;
    int smallestValue = Integer.MAX_VALUE;
    for (int p = 0; p < length - 1; p++) {
      at[axis] = p;
      int value = counts[at[0]][at[1]][at[2]];
      if (hidden[at[0]][at[1]][at[2]]) {
        hiddenParts++;
      } else if (value > 0 && value < smallestValue) {
        smallestValue = value;
        smallest = p;
      }
    }
    if (hiddenParts != 1) {
      return false;
    }
    // with no other part to hide, the total equals the hidden part and goes too
    at[axis] = smallest >= 0 ? smallest : length - 1;
    hidden[at[0]][at[1]][at[2]] = true;
    return true;
  }

  private static int[] otherAxes(int axis) {
    return Arrays.stream(new int[] {0, 1, 2}).filter(x -> x != axis).toArray();
  }

  private void fillTotals() {
    int[] size = {counts.length, counts[0].length, counts[0][0].length};
    for (int axis = 0; axis < 3; axis++) {
      if (!additive[axis]) {
        continue;
      }
      int[] others = otherAxes(axis);
      int[] at = new int[3];
      for (int i = 0; i < size[others[0]]; i++) {
        for (int j = 0; j < size[others[1]]; j++) {
          at[others[0]] = i;
          at[others[1]] = j;
          int sum = 0;
          for (int p = 0; p < size[axis] - 1; p++) {
            at[axis] = p;
            sum += counts[at[0]][at[1]][at[2]];
          }
          at[axis] = size[axis] - 1;
          counts[at[0]][at[1]][at[2]] = sum;
        }
      }
    }
  }
}
