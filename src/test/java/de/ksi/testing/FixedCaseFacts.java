// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import de.ksi.intake.CaseFacts;
import de.ksi.intake.LegalGround;
import de.ksi.network.District;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The case facts of the in-memory process tests, which run the models without our tables: one case,
 * whatever the test set last, for every instance (register it as {@link CaseFacts#BEAN} with
 * Camunda's {@code Mocks}). Unset, every instance runs no case.
 */
public final class FixedCaseFacts implements CaseFacts {

  private Facts facts;

  /** The case every instance now runs. */
  public FixedCaseFacts set(
      String reference,
      District office,
      LegalGround legalGround,
      boolean freedomRestriction,
      Instant custodyStart) {
    this.facts = new Facts(42L, reference, office, legalGround, freedomRestriction, custodyStart);
    return this;
  }

  @Override
  public Optional<Facts> of(DelegateExecution execution) {
    return Optional.ofNullable(facts);
  }
}
