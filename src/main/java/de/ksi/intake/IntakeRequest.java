// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.network.District;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Everything a caseworker registers for a new case, from the Tasklist start form or {@code POST
 * /api/cases}: the same fields and the same validation on both paths.
 */
public record IntakeRequest(
    @NotNull District office,
    @NotNull LegalGround legalGround,
    @Size(max = 200) String firstName,
    @Size(max = 200) String lastName,
    @Past LocalDate birthDate,
    @Min(0) @Max(17) Integer estimatedAge,
    @NotNull Gender gender,
    @Size(max = 200) String languages,
    @NotNull @Min(1) @Max(12) Integer siblings,
    Set<Need> needs,
    @NotNull Urgency urgency,
    Boolean freedomRestriction,
    @NotBlank @Size(max = 500) String currentLocation,
    @Size(max = 4000) String narrative,
    @PastOrPresent Instant custodyStart) {

  public IntakeRequest {
    needs = needs == null ? Set.of() : Set.copyOf(needs);
  }

  /** A birth date or, when it is unknown, an estimated age must be given. */
  @JsonIgnore
  @AssertTrue(message = "{ksi.intake.age-missing}")
  public boolean isAgeGiven() {
    return birthDate != null || estimatedAge != null;
  }
}
