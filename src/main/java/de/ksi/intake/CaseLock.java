// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import java.util.Optional;

/** The case's row lock for {@link Cases} ({@link CaseLockImpl}). */
interface CaseLock {

  /** The case, its row locked until the transaction ends. */
  Optional<CustodyCase> lockById(long id);
}
