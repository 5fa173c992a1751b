// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import java.util.Arrays;

/**
 * The emergency measure level 2 decides when the network found no place (form "Stufe 2"); the name
 * is what the process variable {@code emergencyMeasure} and the column hold.
 */
public enum EmergencyMeasure {
  BEREITSCHAFTSPFLEGE,
  NOTBETT,
  LANDESEBENE,
  SONSTIGES;

  /** The measure a process variable names; an unknown one is refused, naming the known ones. */
  public static EmergencyMeasure of(String value) {
    return Arrays.stream(values())
        .filter(measure -> measure.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown emergency measure '"
                        + value
                        + "' (known: "
                        + CaseOutcome.names(values())
                        + ")"));
  }
}
