// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.network.District;
import de.ksi.planning.SimulationModel.Arrival;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic stream of arrivals: Poisson per office with the given mean rate, optionally in waves
 * over the year (±25 %, highest in autumn) and peaking in the evening and at night (×1.5 at 22:00,
 * ×0.5 at 10:00). Both profiles average to one, so the mean rate stays the one given.
 */
final class SyntheticArrivals {

  private static final double SEASON_AMPLITUDE = 0.25;
  private static final double NIGHT_AMPLITUDE = 0.5;
  private static final double PEAK_DAY = 290;
  private static final double PEAK_HOUR = 22;

  private SyntheticArrivals() {}

  /** Arrivals in [0, days), sorted by time, drawn by thinning a homogeneous Poisson stream. */
  static List<Arrival> generate(
      Map<District, Double> perDay, double days, boolean seasonal, SplittableRandom random) {
    List<Arrival> arrivals = new ArrayList<>();
    double peak = seasonal ? (1 + SEASON_AMPLITUDE) * (1 + NIGHT_AMPLITUDE) : 1;
    for (District district : District.values()) {
      double rate = perDay.getOrDefault(district, 0.0);
      if (rate <= 0) {
        continue;
      }
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / (rate * peak);
        if (t >= days) {
          break;
        }
        if (!seasonal || random.nextDouble() * peak < profile(t)) {
          arrivals.add(new Arrival(t, district));
        }
      }
    }
    arrivals.sort(Comparator.comparingDouble(Arrival::day));
    return arrivals;
  }

  /** Relative arrival rate at day t (fraction = time of day). */
  static double profile(double t) {
    double season = 1 + SEASON_AMPLITUDE * Math.cos(2 * Math.PI * (t - PEAK_DAY) / 365);
    double hour = (t - Math.floor(t)) * 24;
    double night = 1 + NIGHT_AMPLITUDE * Math.cos(2 * Math.PI * (hour - PEAK_HOUR) / 24);
    return season * night;
  }
}
