// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.Optional;

/** The offer's row lock for {@link Offers} ({@link OfferLockImpl}). */
interface OfferLock {

  /** Locks the offer row so that holds on one offer are placed one after the other. */
  Optional<Offer> findByIdForUpdate(Long id);
}
