// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/** Special needs of the child, each a boolean variable of the pseudonymised profile. */
public enum Need {
  INFANT("needInfant", "Säugling/Kleinkind"),
  PREGNANCY("needPregnancy", "Schwangerschaft"),
  MEDICAL("needMedical", "Medizinischer Bedarf"),
  PSYCHIATRIC("needPsychiatric", "Psychiatrischer Bedarf"),
  DISABILITY("needDisability", "Behinderung"),
  TRAUMA("needTrauma", "Trauma"),
  SECRET_LOCATION("needSecretLocation", "Geschützter/geheimer Aufenthaltsort");

  private final String variable;
  private final String label;

  Need(String variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  /** The process variable (and form field) that carries this need. */
  public String variable() {
    return variable;
  }

  public String label() {
    return label;
  }
}
