// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.List;

/**
 * The best candidates of a search and how many offers fit in total.
 *
 * @param total how many offers fit the child and have room (without the offers the caller left out)
 * @param candidates the best of them, best first; at most as many as the caller asked for
 */
public record SearchResult(int total, List<Candidate> candidates) {

  public SearchResult {
    candidates = List.copyOf(candidates);
  }
}
