// SPDX-License-Identifier: EUPL-1.2
/**
 * The append-only audit log of disclosures and reads of personal data.
 *
 * <p>API: {@link AuditLog}, which every module that discloses or reads a case's personal data
 * writes to; the {@code /api/audit} controller and the entries are internal.
 */
@ApplicationModule(
    displayName = "Audit log",
    allowedDependencies = {})
package de.ksi.audit;

import org.springframework.modulith.ApplicationModule;
