// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.Candidate;
import de.ksi.capacity.CapacityProperties;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.NoPlaceFreeException;
import de.ksi.capacity.PlacementView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.SearchCriteria;
import de.ksi.capacity.SearchResult;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.intake.NeedsProfile;
import de.ksi.notification.Notifications;
import de.ksi.requests.RequestRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The place search of a case against the registry: candidates without the offers already asked,
 * holds for the requests, and the bookkeeping of answers. Delegates call this; it holds the rules.
 */
@Service
@Transactional
class PlaceSearch {

  /** At most this many candidates are offered in the caseworker's form. */
  static final int MAX_CANDIDATES = 15;

  /**
   * A hold outlasts the response deadline a little, so that a last-second acceptance still finds
   * its place.
   */
  static final Duration HOLD_GRACE = Duration.ofMinutes(5);

  private final CapacitySearch search;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final IntakeService cases;
  private final CapacityProperties capacity;
  private final Notifications notifications;
  private final RequestRules requestRules;
  private final String tasklistUrl;

  PlaceSearch(
      CapacitySearch search,
      CapacityRegistry registry,
      ProviderDirectory directory,
      IntakeService cases,
      CapacityProperties capacity,
      Notifications notifications,
      RequestRules requestRules,
      @Value("${ksi.base-url:http://localhost:8080}") String baseUrl) {
    this.search = search;
    this.registry = registry;
    this.directory = directory;
    this.cases = cases;
    this.capacity = capacity;
    this.notifications = notifications;
    this.requestRules = requestRules;
    this.tasklistUrl = baseUrl + "/camunda/app/tasklist/";
  }

  /**
   * The best candidates for the case ({@link #MAX_CANDIDATES}) and how many fit, leaving out every
   * offer this case has already asked.
   */
  @Transactional(readOnly = true)
  public SearchResult candidates(long caseId, boolean networkWide, Collection<String> categories) {
    CustodyCase c = cases.get(caseId);
    Set<Long> asked =
        registry.holdsOf(c.getReference()).stream()
            .map(HoldView::offerId)
            .collect(Collectors.toSet());
    List<Category> wanted = categories.stream().map(Category::valueOf).distinct().toList();
    SearchCriteria criteria =
        new SearchCriteria(
            c.getOffice(),
            networkWide,
            wanted,
            c.getAge(),
            c.getGender(),
            c.getSiblings(),
            c.needs());
    return search.search(criteria, asked, MAX_CANDIDATES);
  }

  /**
   * Holds places at the chosen offers (or, for {@code best}, at the best candidate that still has
   * room). Offers taken by someone else in the meantime are skipped.
   */
  public List<Long> holdForRequests(
      long caseId,
      boolean best,
      boolean networkWide,
      Collection<String> categories,
      List<Long> chosen,
      Duration responseDeadline,
      String actor) {
    CustodyCase c = cases.get(caseId);
    if (!best) {
      requestRules.check(c, networkWide, categories, chosen);
    }
    List<Long> offers =
        best
            ? candidates(caseId, networkWide, categories).candidates().stream()
                .map(Candidate::offerId)
                .toList()
            : chosen;
    Duration length = responseDeadline.plus(HOLD_GRACE);
    if (length.compareTo(capacity.maxHold()) > 0) {
      length = capacity.maxHold();
    }
    List<Long> holds = new ArrayList<>();
    String profile = NeedsProfile.of(c).summary();
    for (Long offerId : offers) {
      try {
        HoldView hold =
            registry.hold(offerId, c.getReference(), c.getSiblings(), length, actor).hold();
        holds.add(hold.id());
        notifications.send(
            hold.providerGroup(),
            c.getReference(),
            Notifications.Kind.NEW_REQUEST,
            "Neue Platzanfrage "
                + c.getReference()
                + ": bitte bis "
                + hold.createdAt().plus(responseDeadline)
                + " in der Aufgabenliste beantworten ("
                + tasklistUrl
                + ").\n\n"
                + profile);
      } catch (NoPlaceFreeException takenMeanwhile) {
        continue;
      }
      if (best) {
        break;
      }
    }
    return holds;
  }

  /** What a provider's task shows: the offer's provider group and the pseudonymised profile. */
  @Transactional(readOnly = true)
  public Request request(long holdId) {
    HoldView hold = registry.holdView(holdId);
    String provider = directory.names(Set.of(hold.providerId())).get(hold.providerId());
    NeedsProfile profile = NeedsProfile.of(cases.byReference(hold.caseReference()));
    return new Request(hold, provider, profile.summary());
  }

  /**
   * The requests of many holds at once, as {@link #request(long)} shows each, by hold id: one read
   * each for the holds, their providers and their cases. Holds that do not exist are left out.
   */
  @Transactional(readOnly = true)
  public Map<Long, Request> requests(Collection<Long> holdIds) {
    List<HoldView> holds = registry.holdViews(holdIds);
    Map<Long, String> providers =
        directory.names(holds.stream().map(HoldView::providerId).collect(Collectors.toSet()));
    Map<String, String> profiles =
        cases
            .byReferences(holds.stream().map(HoldView::caseReference).collect(Collectors.toSet()))
            .stream()
            .collect(
                Collectors.toMap(CustodyCase::getReference, c -> NeedsProfile.of(c).summary()));
    Map<Long, Request> requests = new HashMap<>();
    for (HoldView hold : holds) {
      String profile = profiles.get(hold.caseReference());
      if (profile != null) {
        requests.put(hold.id(), new Request(hold, providers.get(hold.providerId()), profile));
      }
    }
    return requests;
  }

  /**
   * The provider accepted: the hold becomes the placement of the case; the first placement of a
   * case that is not yet placed is the case's emergency placement (a follow-up placement leaves
   * it).
   */
  public PlacementView accept(long caseId, long holdId, String actor) {
    cases.lockForPlacement(caseId);
    String reference = cases.get(caseId).getReference();
    if (!reference.equals(registry.holdView(holdId).caseReference())) {
      throw new IllegalStateException("hold " + holdId + " is no request of case " + reference);
    }
    PlacementView placement = registry.confirm(holdId, actor);
    cases.placedIfOpen(caseId, placement.id());
    return placement;
  }

  public void decline(long holdId, DeclineReason reason, String note, String actor) {
    registry.decline(holdId, reason, note, actor);
  }

  public void expire(long holdId, String actor) {
    registry.expire(holdId, actor);
  }

  /**
   * Withdraws every request of the case still open: holds released, places free again, providers
   * told.
   */
  public List<HoldView> withdrawOpen(long caseId, String actor) {
    String reference = cases.get(caseId).getReference();
    List<HoldView> withdrawn = registry.releaseAll(reference, actor);
    withdrawn.forEach(
        hold ->
            notifications.send(
                hold.providerGroup(),
                reference,
                Notifications.Kind.REQUEST_WITHDRAWN,
                "Die Platzanfrage "
                    + reference
                    + " wurde zurückgezogen; der reservierte Platz ist wieder frei."));
    return withdrawn;
  }

  /**
   * A place found by phone: open requests are withdrawn (providers told), and the place is occupied
   * in the registry if it is listed there; the caseworker's note naming it is kept encrypted on the
   * case.
   */
  public Long recordPhonePlacement(long caseId, Long offerId, String note, String actor) {
    withdrawOpen(caseId, actor);
    cases.notePlacement(caseId, note);
    CustodyCase c = cases.get(caseId);
    Long placementId =
        offerId == null
            ? null
            : registry.placeDirect(offerId, c.getReference(), c.getSiblings(), actor).id();
    cases.placedIfOpen(caseId, placementId);
    return placementId;
  }

  /** A request as the provider sees it. */
  public record Request(HoldView hold, String providerName, String profileSummary) {}
}
