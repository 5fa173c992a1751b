// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How an Inobhutnahme ends (§ 42 Abs. 4 SGB VIII), as the form "Beendigung" offers it and the
 * statistics count it; the name is what the process variable {@code outcome} and the column hold. A
 * new outcome needs a release: the deployment policy refuses a form that offers one the server does
 * not know.
 */
public enum CaseOutcome {
  RETURN_HOME,
  FOLLOW_UP,
  HANDOVER_OFFICE,
  RAN_AWAY,
  CAME_OF_AGE,
  OTHER;

  /** Whether a process variable's value is this outcome. */
  public boolean is(Object value) {
    return name().equals(value);
  }

  /** The outcome a process variable names; an unknown one is refused, naming the known ones. */
  public static CaseOutcome of(String value) {
    return Arrays.stream(values())
        .filter(outcome -> outcome.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown outcome '" + value + "' (known: " + names(values()) + ")"));
  }

  static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
