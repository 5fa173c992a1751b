// SPDX-License-Identifier: EUPL-1.2
/**
 * Intake of a case: the child's data in our own table, the readable reference and the pseudonymised
 * profile.
 *
 * <p>API: {@link IntakeService} (registers cases, the one place that touches the child's personal
 * data), {@link IntakeRequest} (what it registers), {@link CustodyCase} (the case aggregate),
 * {@link NeedsProfile} (the pseudonymised profile), {@link CaseFacts} (what the process models read
 * about their case, bean {@code caseFacts}), and the values {@link LegalGround}, {@link Urgency},
 * {@link EscalationLevel}, {@link CaseOutcome} and {@link EmergencyMeasure}. Case numbers,
 * retention and the repositories are internal.
 */
@ApplicationModule(displayName = "Intake")
package de.ksi.intake;

import org.springframework.modulith.ApplicationModule;
