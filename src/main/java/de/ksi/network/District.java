// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import java.util.Arrays;
import java.util.Optional;

/** The five youth welfare offices of the network, each with its code and its Camunda group. */
public enum District {
  SEGEBERG("SEG", "Kreis Segeberg"),
  STORMARN("STO", "Kreis Stormarn"),
  PINNEBERG("PIN", "Kreis Pinneberg"),
  HERZOGTUM_LAUENBURG("HLB", "Kreis Herzogtum Lauenburg"),
  NORDERSTEDT("NOR", "Stadt Norderstedt");

  private final String code;
  private final String label;

  District(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** Three-letter office code used in case references, e.g. {@code SEG-2026-0042}. */
  public String code() {
    return code;
  }

  /** German name shown to users. */
  public String label() {
    return label;
  }

  /** The Camunda group of this office's caseworkers, e.g. {@code jugendamt-segeberg}. */
  public String groupId() {
    return "jugendamt-" + name().toLowerCase().replace('_', '-');
  }

  /** The Camunda group of this office's head (Amtsleitung), involved in level-2 escalations. */
  public String headGroupId() {
    return "amtsleitung-" + name().toLowerCase().replace('_', '-');
  }

  public static Optional<District> ofCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }

  public static Optional<District> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(d -> d.groupId().equals(groupId)).findFirst();
  }
}
