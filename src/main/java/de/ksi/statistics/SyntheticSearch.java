// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.network.District;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The place search of a synthetic case against the real offers, with their licensed places occupied
 * by the synthetic cases before: requests in rounds, refusals with reasons, unanswered requests,
 * escalation to the network and to level 2 when nothing is free or everybody declines.
 */
final class SyntheticSearch {

  /**
   * A registry offer as the generator sees it, with the end times of the synthetic placements in
   * it.
   */
  record Offer(
      long id,
      District district,
      Category category,
      int minAge,
      int maxAge,
      boolean female,
      boolean male,
      boolean diverse,
      int maxSiblings,
      int licensed,
      List<Stay> occupied) {

    boolean fits(int age, String gender, int siblings) {
      boolean genderOk =
          switch (gender) {
            case "FEMALE" -> female;
            case "MALE" -> male;
            default -> diverse;
          };
      return genderOk && age >= minAge && age <= maxAge && siblings <= maxSiblings;
    }

    /**
     * Whether {@code places} are free from {@code at} on: placements already booked that run past
     * {@code at} count, even those beginning later, so that no offer is ever over-occupied.
     */
    boolean freeAt(Instant at, int places) {
      int occupied =
          occupied().stream().filter(s -> s.until().isAfter(at)).mapToInt(Stay::places).sum();
      return occupied + places <= licensed;
    }
  }

  /** A synthetic placement in an offer. */
  record Stay(Instant from, Instant until, int places) {}

  /** One request: which offer, when, how it ended. */
  record Request(
      Offer offer,
      Instant created,
      Instant expires,
      String status,
      Instant decided,
      String reason) {}

  /**
   * How the search ended: the level, when and where the child was placed (offer null: outside the
   * registry).
   */
  record Outcome(
      String level,
      Instant placedAt,
      Offer offer,
      Request confirmed,
      String emergencyMeasure,
      List<Request> requests) {}

  private static final DeclineReason[] REASONS = DeclineReason.values();
  private static final double[] REASON_WEIGHTS = {0.30, 0.18, 0.22, 0.12, 0.10, 0.04, 0.04};

  private final List<Offer> offers;
  private final Random random;

  SyntheticSearch(List<Offer> offers, Random random) {
    this.offers = offers;
    this.random = random;
  }

  /**
   * Searches from {@code start}: own district until its deadline, then the network, then level 2.
   */
  Outcome search(
      District office,
      int age,
      String gender,
      int siblings,
      List<Category> categories,
      Instant start,
      Duration districtDeadline,
      Duration networkDeadline,
      Duration response) {
    List<Request> requests = new ArrayList<>();
    Set<Offer> asked = new HashSet<>();
    Instant districtEnd = start.plus(districtDeadline);
    Outcome placed =
        phase(
            "KREIS",
            List.of(office),
            age,
            gender,
            siblings,
            categories,
            start.plusSeconds(600),
            districtEnd,
            response,
            0.6,
            requests,
            asked);
    if (placed != null) {
      return placed;
    }
    Instant networkEnd = districtEnd.plus(networkDeadline);
    placed =
        phase(
            "VERBUND",
            List.of(District.values()),
            age,
            gender,
            siblings,
            categories,
            districtEnd.plusSeconds(300),
            networkEnd,
            response,
            0.65,
            requests,
            asked);
    if (placed != null) {
      return placed;
    }
    Instant decided = networkEnd.plus(Duration.ofMinutes(30 + random.nextInt(240)));
    List<Offer> free =
        new ArrayList<>(
            offers.stream()
                .filter(
                    o ->
                        !o.category().followUp()
                            && o.fits(age, gender, siblings)
                            && o.freeAt(decided, siblings))
                .toList());
    free.sort((a, b) -> Boolean.compare(b.district() == office, a.district() == office));
    if (!free.isEmpty() && random.nextDouble() < 0.7) {
      Offer offer = free.get(0);
      String measure =
          offer.category() == Category.BEREITSCHAFTSPFLEGE ? "BEREITSCHAFTSPFLEGE" : "NOTBETT";
      return new Outcome("STUFE_2", decided, offer, null, measure, requests);
    }
    String[] measures = {"NOTBETT", "LANDESEBENE", "SONSTIGES"};
    return new Outcome(
        "STUFE_2", decided, null, null, measures[random.nextInt(measures.length)], requests);
  }

  private Outcome phase(
      String level,
      List<District> districts,
      int age,
      String gender,
      int siblings,
      List<Category> categories,
      Instant from,
      Instant deadline,
      Duration response,
      double accept,
      List<Request> requests,
      Set<Offer> asked) {
    Instant round = from;
    do {
      Instant at = round;
      List<Offer> candidates =
          new ArrayList<>(
              offers.stream()
                  .filter(
                      o ->
                          districts.contains(o.district())
                              && categories.contains(o.category())
                              && !asked.contains(o))
                  .filter(o -> o.fits(age, gender, siblings) && o.freeAt(at, siblings))
                  .toList());
      if (candidates.isEmpty()) {
        return null;
      }
      Collections.shuffle(candidates, random);
      candidates.sort(
          (a, b) ->
              Boolean.compare(b.district() == districts.get(0), a.district() == districts.get(0)));
      boolean night = SyntheticCases.night(at);
      Request winner = null;
      List<Request> roundRequests = new ArrayList<>();
      Instant last = at;
      for (Offer offer : candidates.subList(0, Math.min(3, candidates.size()))) {
        asked.add(offer);
        Instant expires = at.plus(response).plusSeconds(300);
        double u = random.nextDouble();
        Request request;
        if (u < accept * (night ? 0.8 : 1.0)) {
          request = new Request(offer, at, expires, "CONFIRMED", answer(at, response), null);
        } else if (u < accept + (night ? 0.3 : 0.15)) {
          request = new Request(offer, at, expires, "EXPIRED", at.plus(response), null);
        } else {
          request = new Request(offer, at, expires, "DECLINED", answer(at, response), reason());
        }
        roundRequests.add(request);
        last = request.decided().isAfter(last) ? request.decided() : last;
        if ("CONFIRMED".equals(request.status())
            && (winner == null || request.decided().isBefore(winner.decided()))) {
          winner = request;
        }
      }
      Request placed = winner != null && !winner.decided().isAfter(deadline) ? winner : null;
      for (Request request : roundRequests) {
        requests.add(settle(request, placed, deadline));
      }
      if (placed != null) {
        return new Outcome(level, placed.decided(), placed.offer(), placed, null, requests);
      }
      round = last.plusSeconds(300);
    } while (round.plus(response).isBefore(deadline));
    return null;
  }

  /**
   * Requests still open when a place was accepted elsewhere, or when the deadline escalated the
   * case, were withdrawn at that moment.
   */
  private static Request settle(Request request, Request placed, Instant deadline) {
    Instant cut = placed != null ? placed.decided() : deadline;
    if (request == placed
        || request.decided().isBefore(cut) && !"CONFIRMED".equals(request.status())) {
      return request;
    }
    return new Request(
        request.offer(), request.created(), request.expires(), "RELEASED", cut, null);
  }

  private Instant answer(Instant at, Duration response) {
    return at.plusSeconds(60 + random.nextInt((int) Math.max(60, response.getSeconds() - 60)));
  }

  private String reason() {
    double u = random.nextDouble();
    for (int i = 0; i < REASONS.length; i++) {
      u -= REASON_WEIGHTS[i];
      if (u < 0) {
        return REASONS[i].name();
      }
    }
    return DeclineReason.OTHER.name();
  }
}
