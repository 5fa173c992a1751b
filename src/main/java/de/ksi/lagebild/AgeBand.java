// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

/** Age bands instead of ages, so that the Lagebild says enough to plan places and nothing more. */
public final class AgeBand {

  private AgeBand() {}

  public static String of(int age) {
    if (age < 3) {
      return "0–2";
    }
    if (age < 6) {
      return "3–5";
    }
    if (age < 10) {
      return "6–9";
    }
    if (age < 14) {
      return "10–13";
    }
    if (age < 16) {
      return "14–15";
    }
    return "16–17";
  }
}
