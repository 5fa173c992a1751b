// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.security.FieldCipher;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;

/** The birth date, stored AES-GCM encrypted as its ISO text. */
@Converter
class EncryptedDate implements AttributeConverter<LocalDate, String> {

  private final FieldCipher cipher;

  EncryptedDate(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public String convertToDatabaseColumn(LocalDate date) {
    return date == null ? null : cipher.encrypt(date.toString());
  }

  @Override
  public LocalDate convertToEntityAttribute(String stored) {
    return stored == null ? null : LocalDate.parse(cipher.decrypt(stored));
  }
}
