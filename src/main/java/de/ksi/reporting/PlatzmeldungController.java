// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.network.KsiUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Platzmeldung page shows: the caller's providers and their offers with the figures to
 * confirm.
 */
@RestController
class PlatzmeldungController {

  /**
   * Whether offers carry staffed places ({@code staffed}, the contract of issue #19) and the
   * availability report takes them; until they do, the page asks for free places only.
   */
  static final boolean STAFFED_REPORTED =
      Arrays.stream(OfferView.class.getRecordComponents())
          .anyMatch(c -> c.getName().equals("staffed"));

  private final ProviderDirectory directory;
  private final OpenRequests openRequests;

  PlatzmeldungController(ProviderDirectory directory, OpenRequests openRequests) {
    this.directory = directory;
    this.openRequests = openRequests;
  }

  @Operation(
      summary =
          "The caller's providers with their offers' figures for the Platzmeldung page (provider staff)")
  @GetMapping("/api/platzmeldung")
  Platzmeldung platzmeldung(@AuthenticationPrincipal KsiUser user) {
    List<ProviderView> providers = directory.ofGroups(user.groups());
    Map<Long, Integer> held =
        openRequests.heldPlaces(
            providers.stream().flatMap(p -> p.offers().stream()).map(OfferView::id).toList());
    return new Platzmeldung(
        STAFFED_REPORTED,
        providers.stream()
            .map(
                p ->
                    new ProviderReport(
                        p.id(),
                        p.name(),
                        p.districtLabel(),
                        p.offers().stream()
                            .map(o -> OfferReport.of(o, held.getOrDefault(o.id(), 0)))
                            .toList()))
            .toList());
  }

  /** The page's data; {@code staffedReported} says whether the page asks for staffed places too. */
  record Platzmeldung(boolean staffedReported, List<ProviderReport> providers) {}

  /** A provider of the caller. */
  record ProviderReport(long id, String name, String districtLabel, List<OfferReport> offers) {}

  /**
   * An offer as the API shows it, plus the places held for open requests and the places free in the
   * house (the free count had staff limited nothing, plus those held, at most the licensed places):
   * what "unchanged" re-reports. The staff limit is reported on its own ({@code staffed}); counting
   * it in here would report staffed places as free ones.
   */
  record OfferReport(@JsonUnwrapped OfferView offer, int openRequests, int freeInHouse) {

    static OfferReport of(OfferView offer, int held) {
      return new OfferReport(
          offer, held, Math.min(offer.licensed(), offer.freeWithoutStaff() + held));
    }
  }
}
