// SPDX-License-Identifier: EUPL-1.2
package de.ksi.requests;

import de.ksi.capacity.OfferFit;
import de.ksi.capacity.OfferTerms;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.intake.CustodyCase;
import de.ksi.platform.FormRejectedException;
import de.ksi.platform.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the offers a caseworker chose to ask before any request goes out: at most {@code
 * ksi.requests.max-parallel} at once, and each one an active offer whose profile fits the child
 * (category searched, age, gender, siblings) in the district searched (own district, or the
 * network). The form offers only such candidates; this holds for a manipulated or REST submission
 * too. Refusals are German, for the form.
 */
@Component
@EnableConfigurationProperties(RequestsProperties.class)
public class RequestRules {

  /** The form field whose values these rules check. */
  static final String FIELD = "selectedOffers";

  private final ProviderDirectory directory;
  private final RequestsProperties properties;

  RequestRules(ProviderDirectory directory, RequestsProperties properties) {
    this.directory = directory;
    this.properties = properties;
  }

  /** Refuses the choice with a German message unless every chosen offer may be asked now. */
  @Transactional(readOnly = true)
  public void check(
      CustodyCase child, boolean networkWide, Collection<String> categories, List<Long> chosen) {
    List<Long> offers = List.copyOf(new LinkedHashSet<>(chosen));
    if (offers.size() > properties.maxParallel()) {
      throw new FormRejectedException(
          FIELD,
          "Bitte höchstens "
              + properties.maxParallel()
              + " Träger gleichzeitig"
              + " anfragen (ausgewählt: "
              + offers.size()
              + "). So bleiben die Anfragen für die Träger beantwortbar;"
              + " lehnen alle ab, können Sie danach weitere anfragen.");
    }
    List<String> misfits = new ArrayList<>();
    for (long offerId : offers) {
      misfit(offerId, child, networkWide, categories).ifPresent(misfits::add);
    }
    if (!misfits.isEmpty()) {
      throw new FormRejectedException(
          FIELD,
          "Diese Plätze passen nicht zum Kind und werden nicht angefragt: "
              + String.join("; ", misfits)
              + ". Bitte nur Plätze aus der Vorschlagsliste auswählen.");
    }
  }

  private Optional<String> misfit(
      long offerId, CustodyCase child, boolean networkWide, Collection<String> categories) {
    OfferFit fit;
    try {
      fit = directory.fitOf(offerId);
    } catch (ProblemException.NotFound e) {
      return Optional.of("Angebot " + offerId + " gibt es nicht");
    }
    OfferTerms offer = fit.terms();
    String name = "Angebot " + offerId + " (" + offer.category().label() + ")";
    if (!categories.contains(offer.category().name())) {
      return Optional.of(name + ": andere Platzkategorie als gesucht");
    }
    if (child.getAge() < offer.minAge() || child.getAge() > offer.maxAge()) {
      return Optional.of(
          name + ": nimmt " + offer.minAge() + "–" + offer.maxAge() + "-Jährige auf");
    }
    if (!offer.genders().contains(child.getGender())) {
      return Optional.of(name + ": nimmt dieses Geschlecht nicht auf");
    }
    if (child.getSiblings() > offer.maxSiblings()) {
      return Optional.of(name + ": höchstens " + offer.maxSiblings() + " Geschwister");
    }
    if (!fit.providerActive()) {
      return Optional.of(name + ": Träger nimmt derzeit keine Anfragen an");
    }
    if (!networkWide && fit.district() != child.getOffice()) {
      return Optional.of(name + ": liegt außerhalb des eigenen Kreises (erst in der Verbundsuche)");
    }
    return Optional.empty();
  }
}
