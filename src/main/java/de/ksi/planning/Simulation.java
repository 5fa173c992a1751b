// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.planning.SimulationModel.Arrival;
import de.ksi.planning.SimulationModel.Offer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One replication of the discrete-event simulation of one category. A child asks one provider at a
 * time, own district first and after the network delay anywhere; the request holds a place until
 * the provider answers; a declining provider is not asked again; a child still without a place
 * after the maximum wait counts as unplaced (emergency measure) and leaves. Freed places go to the
 * longest-waiting child that may take them.
 */
final class Simulation {

  private enum Kind {
    ARRIVAL,
    ANSWER,
    DEPARTURE,
    ESCALATION,
    DEADLINE
  }

  private record Event(double time, long seq, Kind kind, SimulatedChild child, int offer) {}

  private final SimulationModel model;
  private final SplittableRandom random;
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Double.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private final LinkedHashSet<SimulatedChild> waiting = new LinkedHashSet<>();
  private final int[] capacity;
  private final int[] district;
  private final int[] busy;
  private final Tally tally = new Tally();
  private final double start;
  private final double end;
  private long seq;
  private long taken;
  private double now;
  private double lastChange;

  private Simulation(SimulationModel model, SplittableRandom random) {
    this.model = model;
    this.random = random;
    List<Offer> offers = model.offers();
    capacity = offers.stream().mapToInt(Offer::places).toArray();
    district = offers.stream().mapToInt(o -> o.district().ordinal()).toArray();
    busy = new int[offers.size()];
    start = model.warmupDays();
    end = start + model.horizonDays();
  }

  /** Runs one replication with its own random stream. */
  static Tally run(SimulationModel model, SplittableRandom random) {
    return new Simulation(model, random).run();
  }

  private Tally run() {
    List<Arrival> arrivals =
        new ArrayList<>(
            SyntheticArrivals.generate(
                model.arrivalsPerDay(),
                model.recorded().isEmpty() ? end : start,
                model.seasonal(),
                random));
    model.recorded().stream()
        .filter(a -> a.day() >= 0 && a.day() < model.horizonDays())
        .forEach(a -> arrivals.add(new Arrival(start + a.day(), a.district())));
    for (Arrival a : arrivals) {
      SimulatedChild child = new SimulatedChild(a.district().ordinal(), a.day(), a.day() >= start);
      schedule(a.day(), Kind.ARRIVAL, child, -1);
    }
    while (!events.isEmpty() && events.peek().time < end) {
      Event e = events.poll();
      advance(e.time);
      switch (e.kind) {
        case ARRIVAL -> arrive(e.child);
        case ANSWER -> answer(e.child, e.offer);
        case DEPARTURE -> release(e.offer);
        case ESCALATION -> escalate(e.child);
        case DEADLINE -> deadline(e.child);
      }
    }
    advance(end);
    tally.places = model.totalPlaces();
    tally.days = model.horizonDays();
    return tally;
  }

  private void arrive(SimulatedChild child) {
    if (child.measured) {
      tally.arrivals++;
    }
    double delay = model.networkDelayHours() / 24;
    if (delay <= 0) {
      child.networkWide = true;
    } else {
      schedule(now + delay, Kind.ESCALATION, child, -1);
    }
    schedule(now + model.maxWaitHours() / 24, Kind.DEADLINE, child, -1);
    search(child);
  }

  private void search(SimulatedChild child) {
    int best = -1;
    for (int o = 0; o < capacity.length; o++) {
      if (busy[o] < capacity[o]
          && !child.refused.get(o)
          && (child.networkWide || district[o] == child.district)
          && (best < 0 || better(o, best, child))) {
        best = o;
      }
    }
    if (best < 0) {
      waiting.add(child);
    } else {
      ask(child, best);
    }
  }

  /** Own district first, then more free places: the ranking of the real search. */
  private boolean better(int o, int best, SimulatedChild child) {
    boolean ownO = district[o] == child.district;
    boolean ownBest = district[best] == child.district;
    if (ownO != ownBest) {
      return ownO;
    }
    return capacity[o] - busy[o] > capacity[best] - busy[best];
  }

  private void ask(SimulatedChild child, int offer) {
    waiting.remove(child);
    busy[offer]++;
    taken++;
    child.asking = true;
    double response =
        model.meanResponseHours() <= 0 ? 0 : exponential(model.meanResponseHours() / 24);
    schedule(now + response, Kind.ANSWER, child, offer);
  }

  private void answer(SimulatedChild child, int offer) {
    child.asking = false;
    if (random.nextDouble() < model.refusalShare()) {
      child.refused.set(offer);
      release(offer);
      if (now >= child.arrival + model.maxWaitHours() / 24) {
        unplaced(child);
      } else {
        search(child);
      }
      return;
    }
    child.done = true;
    if (child.measured) {
      tally.waits.add((now - child.arrival) * 24);
    }
    schedule(
        now + Stays.sample(model.meanStayDays(), model.stayCv(), random),
        Kind.DEPARTURE,
        null,
        offer);
  }

  private void release(int offer) {
    busy[offer]--;
    taken--;
    offerFreed(offer);
  }

  private void offerFreed(int offer) {
    for (SimulatedChild child : waiting) {
      if (!child.refused.get(offer) && (child.networkWide || district[offer] == child.district)) {
        ask(child, offer);
        return;
      }
    }
  }

  private void escalate(SimulatedChild child) {
    child.networkWide = true;
    if (!child.done && !child.asking) {
      search(child);
    }
  }

  private void deadline(SimulatedChild child) {
    if (!child.done && !child.asking) {
      unplaced(child);
    }
  }

  private void unplaced(SimulatedChild child) {
    child.done = true;
    waiting.remove(child);
    if (child.measured) {
      tally.unplaced++;
    }
  }

  /**
   * Accumulates the place-days taken (by placements and by open requests) inside the measured
   * window.
   */
  private void advance(double time) {
    double from = Math.max(lastChange, start);
    if (time > from) {
      tally.placeDays += taken * (time - from);
    }
    lastChange = time;
    now = time;
  }

  private void schedule(double time, Kind kind, SimulatedChild child, int offer) {
    events.add(new Event(time, seq++, kind, child, offer));
  }

  private double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }
}
