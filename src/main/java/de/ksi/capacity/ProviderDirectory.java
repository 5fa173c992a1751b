// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.platform.ProblemException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Master data of providers and their offers, maintained by coordinators and administrators. */
@Service
@Transactional
public class ProviderDirectory {

  private final Providers providers;
  private final Offers offers;
  private final Availability availability;
  private final CapacityProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ProviderDirectory(
      Providers providers,
      Offers offers,
      Availability availability,
      CapacityProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.providers = providers;
    this.offers = offers;
    this.availability = availability;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Registers a provider; its staff act through the given Camunda group, or a new one named after
   * it.
   */
  public ProviderView register(
      ProviderData data, String groupId, List<OfferTerms> offerTerms, String actor) {
    return register(
        data, groupId, offerTerms, offerTerms.stream().map(t -> (Set<Need>) null).toList(), actor);
  }

  /**
   * As {@link #register(ProviderData, String, List, String)}, each offer with the special needs it
   * meets (or null).
   */
  public ProviderView register(
      ProviderData data,
      String groupId,
      List<OfferTerms> offerTerms,
      List<Set<Need>> needs,
      String actor) {
    boolean named = groupId == null || groupId.isBlank();
    String group = named ? uniqueGroupId(data.name()) : groupId;
    if (!group.startsWith(Groups.PROVIDER_PREFIX)) {
      // never an office's, the coordinators' or the administrators' group: its members would act as
      // the provider
      // and the group would gain the provider's Tasklist rights and filters
      throw new ProblemException.InvalidInput(
          "groupId", "problem.provider.group-not-provider", group, Groups.PROVIDER_PREFIX);
    }
    // a group named after the provider is free already (uniqueGroupId looked)
    if (!named && providers.existsByGroupId(group)) {
      throw new ProblemException.Conflict("problem.provider.group-taken", group);
    }
    Instant now = clock.instant();
    Provider provider = providers.save(new Provider(data, group, now));
    for (int i = 0; i < offerTerms.size(); i++) {
      Offer offer = new Offer(provider, offerTerms.get(i), actor, now);
      if (needs.get(i) != null) {
        offer.meetNeeds(needs.get(i));
      }
      offers.save(offer);
    }
    events.publishEvent(new ProviderRegistered(provider.getId(), group, provider.getName()));
    return view(provider);
  }

  public ProviderView update(long providerId, ProviderData data) {
    Provider provider = find(providerId);
    provider.update(data, clock.instant());
    return view(provider);
  }

  public OfferView addOffer(long providerId, OfferTerms terms, String actor) {
    return addOffer(providerId, terms, null, actor);
  }

  /** Adds an offer that meets the given special needs (null: none). */
  public OfferView addOffer(long providerId, OfferTerms terms, Set<Need> needs, String actor) {
    Provider provider = find(providerId);
    Offer offer = new Offer(provider, terms, actor, clock.instant());
    if (needs != null) {
      offer.meetNeeds(needs);
    }
    return offerView(offers.save(offer));
  }

  public OfferView changeOffer(long offerId, OfferTerms terms) {
    return changeOffer(offerId, terms, null);
  }

  /** Changes the terms and, unless {@code needs} is null, the special needs the offer meets. */
  public OfferView changeOffer(long offerId, OfferTerms terms, Set<Need> needs) {
    Offer offer = offer(offerId);
    offer.change(terms);
    if (needs != null) {
      offer.meetNeeds(needs);
    }
    // the free count is computed in SQL (Availability): write the new terms before reading it
    offers.flush();
    return offerView(offer);
  }

  @Transactional(readOnly = true)
  public List<ProviderView> list(District district) {
    List<Provider> found =
        district == null
            ? providers.findAllByOrderByDistrictAscNameAsc()
            : providers.findByDistrictOrderByName(district);
    return found.stream().map(this::view).toList();
  }

  /**
   * The Camunda groups of all providers, active or not: no views, so no free counts (the list of
   * views counts every offer's free places).
   */
  @Transactional(readOnly = true)
  public List<String> groupIds() {
    return providers.findAllGroupIds();
  }

  /** The providers whose staff act through one of the given groups, e.g. the caller's, by name. */
  @Transactional(readOnly = true)
  public List<ProviderView> ofGroups(Collection<String> groupIds) {
    return groupIds.isEmpty()
        ? List.of()
        : providers.findByGroupIdInOrderByName(groupIds).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public ProviderView get(long providerId) {
    return view(find(providerId));
  }

  @Transactional(readOnly = true)
  public OfferView offerView(long offerId) {
    return offerView(offer(offerId));
  }

  /**
   * An offer's terms with its provider's district and state, without free places: two lookups
   * instead of the views' free counts of every offer of the provider.
   */
  @Transactional(readOnly = true)
  public OfferFit fitOf(long offerId) {
    Offer offer = offer(offerId);
    Provider provider = offer.getProvider();
    return new OfferFit(
        offerId, provider.getId(), offer.terms(), provider.getDistrict(), provider.isActive());
  }

  /** The names of the given providers by id, read together. */
  @Transactional(readOnly = true)
  public Map<Long, String> names(Collection<Long> providerIds) {
    if (providerIds.isEmpty()) {
      return Map.of();
    }
    return providers.findByIdIn(providerIds).stream()
        .collect(Collectors.toMap(Provider::getId, Provider::getName));
  }

  /** The Camunda group whose members act for the provider of an offer. */
  @Transactional(readOnly = true)
  public String groupOfOffer(long offerId) {
    return offer(offerId).getProvider().getGroupId();
  }

  private Offer offer(long offerId) {
    return offers.findById(offerId).orElseThrow(() -> CapacityRegistry.offerNotFound(offerId));
  }

  private Provider find(long providerId) {
    return providers
        .findById(providerId)
        .orElseThrow(() -> new ProblemException.NotFound("problem.provider.not-found", providerId));
  }

  private ProviderView view(Provider p) {
    List<OfferView> offerViews =
        offers.findByProviderIdOrderById(p.getId()).stream().map(this::offerView).toList();
    return new ProviderView(
        p.getId(),
        p.getName(),
        p.getDistrict(),
        p.getDistrict().label(),
        p.getAddress(),
        p.getPhone24h(),
        p.getEmail(),
        p.getGroupId(),
        p.isActive(),
        offerViews);
  }

  private OfferView offerView(Offer offer) {
    Instant now = clock.instant();
    return OfferView.of(
        offer,
        availability.freeCount(offer.getId(), now),
        offer.isStale(now, properties.freshness()),
        now);
  }

  private String uniqueGroupId(String name) {
    String slug =
        Normalizer.normalize(
                name.toLowerCase(Locale.GERMAN)
                    .replace("ä", "ae")
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss"),
                Normalizer.Form.NFD)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    String base = Groups.PROVIDER_PREFIX + (slug.length() > 40 ? slug.substring(0, 40) : slug);
    String candidate = base;
    for (int n = 2; providers.existsByGroupId(candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }
}
