// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.Optional;

/**
 * The holds and placements a running case process owns: they change only through its steps (the
 * provider's answer, a withdrawal, the outcome the caseworker decides), never through the
 * registry's direct endpoints (docs/security.md, "Trust boundary"). The case process module answers
 * it from its own tables.
 */
public interface ProcessOwned {

  /** Whether the hold is a provider request whose answer the case process still waits for. */
  boolean isOpenRequest(long holdId);

  /** The reference of the case that is not closed yet and is placed in this placement, if any. */
  Optional<String> runningCaseOf(long placementId);
}
