// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Readable case references of the form {@code SEG-2026-0042}: office code, year, running number.
 */
public final class CaseReference {

  /** The pattern as Bean Validation and OpenAPI see it. */
  public static final String REGEX = "^(SEG|STO|PIN|HLB|NOR)-[0-9]{4}-[0-9]{4,6}$";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private CaseReference() {}

  public static String format(District office, int year, long number) {
    return "%s-%04d-%04d".formatted(office.code(), year, number);
  }

  /** The office a reference belongs to, or empty if the text is not a case reference. */
  public static Optional<District> office(String reference) {
    if (reference == null || !PATTERN.matcher(reference).matches()) {
      return Optional.empty();
    }
    return District.ofCode(reference.substring(0, 3));
  }
}
