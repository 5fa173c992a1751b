// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import java.util.Map;

/** Where the duties' deadlines are kept, by duties process instance ({@code duty_deadline}). */
interface DutyDeadlineStore {

  /** Keeps the deadlines of the instance: an {@link java.time.Instant} or an ISO period each. */
  void put(String dutiesInstanceId, Map<String, Object> deadlines);

  /** Every deadline of the instance by name, an {@link java.time.Instant} or an ISO period each. */
  Map<String, Object> all(String dutiesInstanceId);
}
