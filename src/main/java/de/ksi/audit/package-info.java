/** The append-only audit log of disclosures and reads of personal data. */
package de.ksi.audit;
