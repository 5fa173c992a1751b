// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated outcome of one category, averaged over replications.
 *
 * @param replications independent runs with consecutive seeds
 * @param arrivalsPerRun mean number of children in the measured window of one run
 * @param unplacedShare share of children without a place within the maximum wait (emergency
 *     measure)
 * @param unplacedShareCi95 half-width of the 95 % confidence interval of {@code unplacedShare} (0
 *     with one run)
 * @param meanHoursToPlacement mean time from arrival to the accepting answer, of children placed
 * @param p90HoursToPlacement 90th percentile of that time
 * @param utilisation share of place-days taken by children placed or requests still open
 */
record SimulationResult(
    int replications,
    double arrivalsPerRun,
    double unplacedShare,
    double unplacedShareCi95,
    double meanHoursToPlacement,
    double p90HoursToPlacement,
    double utilisation) {

  /** Student-t 97.5 % quantiles for 1 … 30 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  /**
   * Runs the model {@code replications} times, run i with seed {@code seed + i}: the same seed, the
   * same figures.
   */
  static SimulationResult simulate(SimulationModel model, long seed, int replications) {
    Tally[] runs = new Tally[replications];
    for (int i = 0; i < replications; i++) {
      runs[i] = Simulation.run(model, new SplittableRandom(seed + i));
    }
    return of(List.of(runs));
  }

  static SimulationResult of(List<Tally> runs) {
    int n = runs.size();
    double[] shares = runs.stream().mapToDouble(Tally::unplacedShare).toArray();
    double mean = Arrays.stream(shares).average().orElse(0);
    double ci = 0;
    if (n > 1) {
      double variance = Arrays.stream(shares).map(s -> (s - mean) * (s - mean)).sum() / (n - 1);
      ci = T975[Math.min(n - 1, T975.length) - 1] * Math.sqrt(variance / n);
    }
    double[] waits =
        runs.stream()
            .flatMap(t -> t.waits.stream())
            .mapToDouble(Double::doubleValue)
            .sorted()
            .toArray();
    double meanWait = Arrays.stream(waits).average().orElse(0);
    double p90 =
        waits.length == 0
            ? 0
            : waits[Math.min(waits.length - 1, (int) Math.ceil(0.9 * waits.length) - 1)];
    return new SimulationResult(
        n,
        runs.stream().mapToLong(t -> t.arrivals).average().orElse(0),
        mean,
        ci,
        meanWait,
        p90,
        runs.stream().mapToDouble(Tally::utilisation).average().orElse(0));
  }
}
