// SPDX-License-Identifier: EUPL-1.2
/** The append-only audit log of disclosures and reads of personal data. */
package de.ksi.audit;
