// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Holds} reads without a query string of Spring Data's ({@link HoldQueriesImpl}): the
 * holds with their offers and providers, and the hold's row lock.
 */
interface HoldQueries {

  /** The holds of a case with their offers and providers, in one statement. */
  List<Hold> findByCaseReferenceOrderById(String caseReference);

  /** The holds of the given ids (not empty) with their offers and providers, in one statement. */
  List<Hold> findAllWithOfferByIdIn(Collection<Long> ids);

  /**
   * Locks the hold row so that accept, decline and release of one hold happen one after the other.
   */
  Optional<Hold> findByIdForUpdate(Long id);
}
