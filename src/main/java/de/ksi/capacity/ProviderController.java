// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.AccessPolicy;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Providers and their offers: everyone reads, coordinators and administrators change. */
@RestController
@RequestMapping("/api")
class ProviderController {

  private final ProviderDirectory directory;

  ProviderController(ProviderDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/providers")
  List<ProviderView> list(@RequestParam(required = false) District district) {
    return directory.list(district);
  }

  @GetMapping("/providers/{id}")
  ProviderView get(@PathVariable long id) {
    return directory.get(id);
  }

  @Operation(summary = "Register a provider with its offers (coordinators and administrators)")
  @PostMapping("/providers")
  @ResponseStatus(HttpStatus.CREATED)
  ProviderView create(@Valid @RequestBody NewProvider body, @AuthenticationPrincipal KsiUser user) {
    requireMasterDataRights(user);
    List<OfferRequest> offers = body.offers() == null ? List.of() : body.offers();
    return directory.register(
        body.data(),
        body.groupId(),
        offers.stream().map(OfferRequest::terms).toList(),
        offers.stream().map(OfferRequest::meetsNeeds).toList(),
        user.userId());
  }

  @PutMapping("/providers/{id}")
  ProviderView update(
      @PathVariable long id,
      @Valid @RequestBody ProviderRequest body,
      @AuthenticationPrincipal KsiUser user) {
    requireMasterDataRights(user);
    return directory.update(id, body.data());
  }

  @PostMapping("/providers/{id}/offers")
  @ResponseStatus(HttpStatus.CREATED)
  OfferView addOffer(
      @PathVariable long id,
      @Valid @RequestBody OfferRequest body,
      @AuthenticationPrincipal KsiUser user) {
    requireMasterDataRights(user);
    return directory.addOffer(id, body.terms(), body.meetsNeeds(), user.userId());
  }

  @GetMapping("/offers/{id}")
  OfferView offer(@PathVariable long id) {
    return directory.offerView(id);
  }

  @PutMapping("/offers/{id}")
  OfferView changeOffer(
      @PathVariable long id,
      @Valid @RequestBody OfferRequest body,
      @AuthenticationPrincipal KsiUser user) {
    requireMasterDataRights(user);
    return directory.changeOffer(id, body.terms(), body.meetsNeeds());
  }

  private static void requireMasterDataRights(KsiUser user) {
    if (!AccessPolicy.runsNetwork(user)) {
      throw new ProblemException.Forbidden("problem.provider.master-data-forbidden");
    }
  }

  /** Master data of a provider. */
  record ProviderRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull District district,
      @NotBlank @Size(max = 300) String address,
      @NotBlank @Size(max = 40) @Pattern(regexp = "^[0-9 +()/-]{5,40}$") String phone24h,
      @NotBlank @Email @Size(max = 200) String email) {

    ProviderData data() {
      return new ProviderData(
          name.strip(), district, address.strip(), phone24h.strip(), email.strip());
    }
  }

  /**
   * A new provider, optionally with the Camunda group its staff already belong to, and its offers.
   */
  record NewProvider(
      @NotBlank @Size(max = 200) String name,
      @NotNull District district,
      @NotBlank @Size(max = 300) String address,
      @NotBlank @Size(max = 40) @Pattern(regexp = "^[0-9 +()/-]{5,40}$") String phone24h,
      @NotBlank @Email @Size(max = 200) String email,
      @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$") String groupId,
      @Size(max = 30) List<@Valid @NotNull OfferRequest> offers) {

    ProviderData data() {
      return new ProviderRequest(name, district, address, phone24h, email).data();
    }
  }

  /**
   * The terms of an offer and the special needs it can meet ({@code meetsNeeds}; absent: none for a
   * new offer, left as they are when an offer changes).
   */
  record OfferRequest(
      @NotNull Category category,
      @NotNull @Min(0) @Max(27) Integer minAge,
      @NotNull @Min(0) @Max(27) Integer maxAge,
      @NotEmpty Set<@NotNull Gender> genders,
      @NotNull @Min(1) @Max(12) Integer maxSiblings,
      @NotNull @Min(1) @Max(500) Integer licensed,
      Set<@NotNull Need> meetsNeeds) {

    OfferTerms terms() {
      return new OfferTerms(category, minAge, maxAge, genders, maxSiblings, licensed);
    }
  }
}
