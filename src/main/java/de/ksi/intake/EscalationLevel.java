// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import java.util.Arrays;

/**
 * How far a case's place search has climbed, in order; {@link #value()} is the name the process and
 * tables use.
 */
enum EscalationLevel {
  DISTRICT("KREIS"),
  NETWORK("VERBUND"),
  LEVEL2("STUFE_2");

  private final String value;

  EscalationLevel(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The level of a stored or process value; an unknown value is a programming error. */
  public static EscalationLevel of(String value) {
    return Arrays.stream(values())
        .filter(level -> level.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no escalation level " + value));
  }
}
