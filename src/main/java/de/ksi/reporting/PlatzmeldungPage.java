// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import de.ksi.capacity.CapacityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The Platzmeldung page for provider staff at {@code /platzmeldung}: the frame comes from here, the
 * figures from {@code /api/platzmeldung} and the reports go to {@code PUT
 * /api/offers/{id}/availability}, both with the Tasklist login of this browser and its CSRF token.
 * Without a login the page says where to log in.
 */
@RestController
class PlatzmeldungPage {

  /** Our script and styles only; the script talks to our own API. */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final WebappLogin logins;
  private final CapacityProperties capacity;

  PlatzmeldungPage(WebappLogin logins, CapacityProperties capacity) {
    this.logins = logins;
    this.capacity = capacity;
  }

  @GetMapping("/platzmeldung")
  ResponseEntity<String> page(HttpServletRequest request) {
    String body =
        logins
            .of(request)
            .map(
                login ->
                    """
            <h1>Platzmeldung</h1>
            <p class="pm-intro">Angemeldet als %s. Bitte bestätigen oder ändern Sie für jedes Angebot die freien Plätze \
            jetzt%s. Eine Meldung gilt %d Stunden als aktuell, danach wird sie allen Suchenden als veraltet angezeigt.</p>
            <div id="platzmeldung" data-csrf="%s"><p>Angebote werden geladen …</p></div>
            <script src="/ksi/platzmeldung.js" defer></script>
            """
                        .formatted(
                            HtmlUtils.htmlEscape(login.user().userId()),
                            PlatzmeldungController.STAFFED_REPORTED
                                ? " und die Plätze, die Sie heute Nacht mit Personal besetzen können"
                                : "",
                            capacity.freshness().toHours(),
                            HtmlUtils.htmlEscape(login.csrfToken())))
            .orElse(
                """
            <h1>Platzmeldung</h1>
            <p>Bitte melden Sie sich zuerst in der <a href="/camunda/app/tasklist/">Aufgabenliste (Tasklist)</a> an \
            und öffnen Sie dann diese Seite erneut, zum Beispiel über „Platzmeldung“ oben in der Aufgabenliste.</p>
            """);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .cacheControl(CacheControl.noStore())
        .body(page(body));
  }

  private static String page(String body) {
    return """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Platzmeldung – Koordinierungsstelle Inobhutnahme</title>
        <link rel="stylesheet" href="/ksi/ksi.css">
        <link rel="stylesheet" href="/ksi/platzmeldung.css">
        </head>
        <body>
        <a class="skip" href="#inhalt">Zum Inhalt springen</a>
        <header class="top"><nav aria-label="Hauptnavigation">
        <a href="/camunda/app/tasklist/">Aufgabenliste</a>
        <a href="/platzmeldung" aria-current="page">Platzmeldung</a>
        <a href="/handbuch/">Handbuch</a>
        </nav></header>
        <main id="inhalt" class="content">
        %s
        </main>
        </body>
        </html>
        """
        .formatted(body);
  }
}
