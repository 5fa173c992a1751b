// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import java.util.Map;
import java.util.Optional;

/** Where the duties' deadlines are kept, by duties process instance ({@code duty_deadline}). */
interface DutyDeadlineStore {

  /** Keeps the deadlines of the instance: an {@link java.time.Instant} or an ISO period each. */
  void put(String dutiesInstanceId, Map<String, Object> deadlines);

  /** The deadline of that name, an {@link java.time.Instant} or an ISO period. */
  Optional<Object> get(String dutiesInstanceId, String name);
}
