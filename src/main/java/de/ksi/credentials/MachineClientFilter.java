// SPDX-License-Identifier: EUPL-1.2
package de.ksi.credentials;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.credentials.MachineCredentials.MachineClient;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ksi_…} on {@code /api} as the provider's system and
 * lets it call only {@code PUT /api/offers/{id}/availability} and {@code GET /api/offers/{id}} of
 * its own provider's offers and {@code GET /api/providers/{own id}}; everything else is 403, an
 * unknown or revoked token 401. Every call of a known credential is written to the audit log,
 * allowed or not. Requests without a bearer token pass untouched.
 */
class MachineClientFilter extends OncePerRequestFilter {

  private static final Pattern AVAILABILITY =
      Pattern.compile("^/api/offers/([0-9]{1,18})/availability$");
  private static final Pattern OFFER = Pattern.compile("^/api/offers/([0-9]{1,18})$");
  private static final Pattern PROVIDER = Pattern.compile("^/api/providers/([0-9]{1,18})$");
  private static final String REASON = "Schnittstelle des Trägers";

  private final MachineCredentials credentials;
  private final ProviderDirectory directory;
  private final AuditLog audit;
  private final Map<Long, Instant> lastRefusal = new ConcurrentHashMap<>();

  MachineClientFilter(MachineCredentials credentials, ProviderDirectory directory, AuditLog audit) {
    this.credentials = credentials;
    this.directory = directory;
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    String token = header.substring(7).strip();
    String call = request.getMethod() + " " + request.getRequestURI();
    Optional<MachineClient> client = credentials.authenticate(token);
    if (client.isEmpty()) {
      credentials
          .knownId(token)
          .filter(this::firstRefusalThisMinute)
          .ifPresent(
              id ->
                  audit.record(
                      "api:" + id,
                      "-",
                      AuditLog.Action.MACHINE_CLIENT_CALL,
                      null,
                      bounded(call + " → 401 (Zugang widerrufen oder Geheimnis falsch)"),
                      REASON));
      response.setHeader("WWW-Authenticate", "Bearer realm=\"KSI\", error=\"invalid_token\"");
      problem(response, 401, "Unauthorized", "The API credential is unknown, wrong or revoked.");
      return;
    }
    MachineClient machine = client.get();
    if (!allowed(request, machine)) {
      audit.record(
          machine.actor(),
          "-",
          AuditLog.Action.MACHINE_CLIENT_CALL,
          machine.providerName(),
          bounded(call + " → 403"),
          "Zugriff verweigert");
      problem(
          response,
          403,
          "Forbidden",
          "An API credential may only read its own provider's offers and report"
              + " their availability (PUT /api/offers/{id}/availability).");
      return;
    }
    var principal = new KsiUser(machine.actor(), Set.of(machine.providerGroup()));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority("MACHINE_CLIENT"))));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
      audit.record(
          machine.actor(),
          "-",
          AuditLog.Action.MACHINE_CLIENT_CALL,
          machine.providerName(),
          bounded(call + " → " + response.getStatus()),
          REASON);
    }
  }

  /**
   * Credential ids are small numbers anyone can guess: refused tokens naming one are audited at
   * most once a minute per credential, so guessing cannot flood the audit log. Calls of a valid
   * credential are all audited.
   */
  private boolean firstRefusalThisMinute(long credentialId) {
    Instant now = Instant.now();
    Instant last = lastRefusal.get(credentialId);
    if (last != null && last.isAfter(now.minus(Duration.ofMinutes(1)))) {
      return false;
    }
    lastRefusal.put(credentialId, now);
    if (lastRefusal.size() > 10_000) {
      lastRefusal.clear();
    }
    return true;
  }

  private boolean allowed(HttpServletRequest request, MachineClient machine) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    Matcher m;
    if ("PUT".equals(method) && (m = AVAILABILITY.matcher(path)).matches()
        || "GET".equals(method) && (m = OFFER.matcher(path)).matches()) {
      return ownOffer(Long.parseLong(m.group(1)), machine);
    }
    return "GET".equals(method)
        && (m = PROVIDER.matcher(path)).matches()
        && Long.parseLong(m.group(1)) == machine.providerId();
  }

  private boolean ownOffer(long offerId, MachineClient machine) {
    try {
      return machine.providerGroup().equals(directory.groupOfOffer(offerId));
    } catch (ProblemException.NotFound e) {
      return false;
    }
  }

  private static String bounded(String detail) {
    return detail.length() <= 1000 ? detail : detail.substring(0, 1000);
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"about:blank\",\"title\":\""
                    + title
                    + "\",\"status\":"
                    + status
                    + ",\"detail\":\""
                    + detail
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
