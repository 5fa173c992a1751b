// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link EscalationLevel} by its process name (KREIS, VERBUND, STUFE_2). */
@Converter
class EscalationLevelColumn implements AttributeConverter<EscalationLevel, String> {

  @Override
  public String convertToDatabaseColumn(EscalationLevel level) {
    return level == null ? null : level.value();
  }

  @Override
  public EscalationLevel convertToEntityAttribute(String value) {
    return value == null ? null : EscalationLevel.of(value);
  }
}
