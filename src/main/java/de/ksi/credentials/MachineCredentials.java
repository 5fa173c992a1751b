// SPDX-License-Identifier: EUPL-1.2
package de.ksi.credentials;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.platform.ProblemException;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API credentials of providers' own systems. A token is {@code ksi_<id>_<secret>} with 256 random
 * bits of secret; only its SHA-256 is stored (a slow password hash adds nothing to a random 256-bit
 * secret and would cost every call). Every request looks the credential up again, so a revoked
 * credential fails at once.
 */
@Service
@Transactional
public class MachineCredentials {

  private static final Pattern TOKEN = Pattern.compile("^ksi_([0-9]{1,18})_([A-Za-z0-9_-]{43})$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final ProviderDirectory directory;
  private final AuditLog audit;
  private final Clock clock;

  MachineCredentials(JdbcTemplate jdbc, ProviderDirectory directory, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The filter that authenticates machine clients on {@code /api} and keeps them to their few
   * endpoints.
   */
  public Filter authenticationFilter() {
    return new MachineClientFilter(this, directory, audit);
  }

  /**
   * Issues a credential for the provider; the answer carries the token, which is never shown again.
   */
  Issued issue(long providerId, String label, String actor) {
    ProviderView provider = directory.get(providerId);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Instant now = clock.instant();
    var key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "INSERT INTO machine_credential (provider_id, label, secret_hash,"
                      + " created_at, created_by) VALUES (?, ?, '-', ?, ?)",
                  new String[] {"id"});
          insert.setLong(1, providerId);
          insert.setString(2, label);
          insert.setTimestamp(3, Timestamp.from(now));
          insert.setString(4, actor);
          return insert;
        },
        key);
    long id = key.getKey().longValue();
    // the id is part of the token, so the hash is written once the id is known
    String token =
        "ksi_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.update("UPDATE machine_credential SET secret_hash = ? WHERE id = ?", sha256(token), id);
    audit.record(
        actor,
        "-",
        AuditLog.Action.CREDENTIAL_CHANGED,
        provider.name(),
        "Maschinenzugang " + id + " („" + label + "“) ausgestellt",
        "Zugang für das System des Trägers");
    return new Issued(view(id).orElseThrow(), token);
  }

  @Transactional(readOnly = true)
  List<CredentialView> list(long providerId) {
    directory.get(providerId);
    return jdbc.query(
        "SELECT * FROM machine_credential WHERE provider_id = ? ORDER BY id",
        CredentialView::of,
        providerId);
  }

  /** Revokes the credential; it fails on its next use. Revoking again changes nothing. */
  CredentialView revoke(long providerId, long credentialId, String actor) {
    CredentialView credential =
        view(credentialId)
            .filter(c -> c.providerId() == providerId)
            .orElseThrow(
                () -> new ProblemException.NotFound("problem.credential.not-found", credentialId));
    if (credential.revokedAt() != null) {
      return credential;
    }
    jdbc.update(
        "UPDATE machine_credential SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
        Timestamp.from(clock.instant()),
        actor,
        credentialId);
    audit.record(
        actor,
        "-",
        AuditLog.Action.CREDENTIAL_CHANGED,
        directory.get(providerId).name(),
        "Maschinenzugang " + credentialId + " („" + credential.label() + "“) widerrufen",
        "Zugang widerrufen");
    return view(credentialId).orElseThrow();
  }

  /** The latest calls made with the provider's credential, newest first, from the audit log. */
  @Transactional(readOnly = true)
  List<AuditLog.Entry> calls(long providerId, long credentialId) {
    view(credentialId)
        .filter(c -> c.providerId() == providerId)
        .orElseThrow(
            () -> new ProblemException.NotFound("problem.credential.not-found", credentialId));
    return audit.ofActor("api:" + credentialId, 200);
  }

  /**
   * The machine client a bearer token stands for, if the token is well-formed, known, matching and
   * not revoked.
   */
  Optional<MachineClient> authenticate(String token) {
    var parts = TOKEN.matcher(token);
    if (!parts.matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(parts.group(1));
    Optional<CredentialView> found = view(id);
    String hash =
        jdbc
            .query(
                "SELECT secret_hash FROM machine_credential WHERE id = ?",
                (rs, n) -> rs.getString(1),
                id)
            .stream()
            .findFirst()
            .orElse("");
    boolean matches =
        MessageDigest.isEqual(
            hash.getBytes(StandardCharsets.US_ASCII),
            sha256(token).getBytes(StandardCharsets.US_ASCII));
    if (found.isEmpty() || found.get().revokedAt() != null || !matches) {
      return Optional.empty();
    }
    jdbc.update(
        "UPDATE machine_credential SET last_used_at = ? WHERE id = ?",
        Timestamp.from(clock.instant()),
        id);
    ProviderView provider = directory.get(found.get().providerId());
    if (!provider.active()) {
      return Optional.empty();
    }
    return Optional.of(new MachineClient(id, provider.id(), provider.groupId(), provider.name()));
  }

  /**
   * The id of a stored credential a well-formed token names, whatever its secret (for auditing
   * failed uses).
   */
  @Transactional(readOnly = true)
  Optional<Long> knownId(String token) {
    var parts = TOKEN.matcher(token);
    return parts.matches()
        ? view(Long.parseLong(parts.group(1))).map(CredentialView::id)
        : Optional.empty();
  }

  private Optional<CredentialView> view(long id) {
    return jdbc
        .query("SELECT * FROM machine_credential WHERE id = ?", CredentialView::of, id)
        .stream()
        .findFirst();
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A credential just issued, with its token (shown once). */
  record Issued(CredentialView credential, String token) {}

  /** A provider's system authenticated by its credential; it acts as {@code api:<id>}. */
  record MachineClient(
      long credentialId, long providerId, String providerGroup, String providerName) {

    String actor() {
      return "api:" + credentialId;
    }
  }
}
