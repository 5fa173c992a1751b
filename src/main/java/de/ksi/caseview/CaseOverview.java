// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import java.time.Instant;
import java.util.List;

/**
 * Everything the responsible office needs to follow one case, pseudonymised: no name, birth date,
 * location or narrative (those stay behind the audited {@code /api/cases/{reference}/identity}).
 */
record CaseOverview(
    String reference,
    String office,
    String status,
    String escalationLevel,
    Instant custodyStart,
    Profile profile,
    String nextStep,
    Refusal latestRefusal,
    List<Request> requests,
    List<Escalation> escalations,
    Placement placement,
    Arrival arrival,
    List<Duty> duties,
    List<HistoryEntry> history,
    Instant asOf) {

  /** The pseudonymised needs profile. */
  record Profile(
      String ageBand,
      String gender,
      int siblings,
      String legalGround,
      String urgency,
      List<String> needs,
      String languages,
      String category) {}

  /** The latest decline or expired request, shown prominently until the next request is sent. */
  record Refusal(String provider, Instant at, boolean expired, String reason, String note) {}

  /** One placement request (a hold): whom, when, the answer and the deadline. */
  record Request(
      long holdId,
      String provider,
      Instant sentAt,
      String answer,
      Instant answeredAt,
      String declineReason,
      String declineNote,
      Instant responseDeadline,
      Instant heldUntil) {}

  /** The case climbed a level. */
  record Escalation(String level, Instant at) {}

  /** Where the child is placed, with the provider's address and 24-hour phone. */
  record Placement(
      String provider,
      String category,
      String address,
      String phone24h,
      String email,
      Instant since,
      Instant endedAt) {}

  /** The accepting provider's confirmation that the child arrived. */
  record Arrival(
      Instant expectedSince,
      Instant arrivedAt,
      String confirmedBy,
      Instant remindedAt,
      Instant expectedAt,
      String escort) {}

  /** A legal duty (or any task of the duties process) with its deadline. */
  record Duty(String name, Instant due, Instant done, boolean open) {}

  /** One step of the process history, without personal data. */
  record HistoryEntry(Instant at, String step, String by) {}
}
