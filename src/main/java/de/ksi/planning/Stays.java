// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.util.SplittableRandom;

/**
 * Lengths of stay: log-normal with a given mean and coefficient of variation, or fixed when the
 * variation is 0.
 */
final class Stays {

  private Stays() {}

  static double sample(double mean, double cv, SplittableRandom random) {
    if (cv <= 0) {
      return mean;
    }
    double sigma2 = Math.log(1 + cv * cv);
    double mu = Math.log(mean) - sigma2 / 2;
    return Math.exp(mu + Math.sqrt(sigma2) * gaussian(random));
  }

  /** Standard normal by Box–Muller (SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
