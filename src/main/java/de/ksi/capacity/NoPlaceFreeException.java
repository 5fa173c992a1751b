// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.platform.ProblemException;

/** Someone else took the last place first (or the offer has fewer free places than requested). */
public class NoPlaceFreeException extends ProblemException.Conflict {
  NoPlaceFreeException(long offerId, int requested, int free) {
    super("problem.hold.no-place-free", offerId, requested, free);
  }
}
