// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/** Gender of a child as far as placement is concerned. */
public enum Gender {
  FEMALE("weiblich"),
  MALE("männlich"),
  DIVERSE("divers");

  private final String label;

  Gender(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
