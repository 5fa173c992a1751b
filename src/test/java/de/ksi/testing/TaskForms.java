// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bodies the tests send to a task's {@code submit-form} in the engine's REST API, as Tasklist
 * sends them: the place choice that asks providers for a place.
 */
public final class TaskForms {

  private TaskForms() {}

  /** "Ausgewählte Träger gleichzeitig anfragen" with these offers ticked. */
  public static String request(long... offerIds) {
    String offers =
        Arrays.stream(offerIds)
            .mapToObj(id -> "\\\"" + id + "\\\"")
            .collect(Collectors.joining(","));
    return """
        {"variables": {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[%s]", "type": "Json"}}}"""
        .formatted(offers);
  }
}
