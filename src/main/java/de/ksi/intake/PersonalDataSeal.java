// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.security.FieldCipher;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;

/**
 * Encrypts a case's personal data when the case is first stored and decrypts it when it is loaded,
 * bound to the case and column (a JPA converter cannot: it never learns the row). Hibernate gets
 * this listener from Spring. The values never change afterwards except by erasure, which clears
 * plain and sealed values alike.
 */
class PersonalDataSeal {

  private final FieldCipher cipher;

  PersonalDataSeal(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @PrePersist
  void seal(CustodyCase custodyCase) {
    custodyCase.seal(cipher);
  }

  @PostLoad
  void open(CustodyCase custodyCase) {
    custodyCase.open(cipher);
  }
}
