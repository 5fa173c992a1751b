// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.security.FieldCipher;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A personal text column, stored AES-GCM encrypted (Hibernate gets this converter from Spring). */
@Converter
class EncryptedText implements AttributeConverter<String, String> {

  private final FieldCipher cipher;

  EncryptedText(FieldCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public String convertToDatabaseColumn(String plain) {
    return cipher.encrypt(plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return cipher.decrypt(stored);
  }
}
