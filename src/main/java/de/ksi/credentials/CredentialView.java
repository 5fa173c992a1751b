// SPDX-License-Identifier: EUPL-1.2
package de.ksi.credentials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** A machine credential as coordinators see it: never the secret or its hash. */
record CredentialView(
    long id,
    long providerId,
    String label,
    Instant createdAt,
    String createdBy,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    boolean active) {

  static CredentialView of(ResultSet rs, int rowNum) throws SQLException {
    Instant revoked = instant(rs.getTimestamp("revoked_at"));
    return new CredentialView(
        rs.getLong("id"),
        rs.getLong("provider_id"),
        rs.getString("label"),
        instant(rs.getTimestamp("created_at")),
        rs.getString("created_by"),
        revoked,
        rs.getString("revoked_by"),
        instant(rs.getTimestamp("last_used_at")),
        revoked == null);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
