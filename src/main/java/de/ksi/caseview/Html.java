// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Our case pages' frame: German, the guide's styles, our one script, no caching, no framing. */
final class Html {

  private static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private Html() {}

  static String esc(Object value) {
    if (value == null) {
      return "–";
    }
    StringBuilder out = new StringBuilder();
    for (char ch : value.toString().toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * A whole page; {@code title} is plain text, {@code body} escaped HTML; {@code refresh} the
   * fragment to poll.
   */
  static String page(String title, String body, String refresh) {
    String main =
        refresh == null
            ? "<main id=\"inhalt\" class=\"content\">"
            : "<main id=\"inhalt\" class=\"content\" data-stand=\"" + esc(refresh) + "\">";
    String script = refresh == null ? "" : "<script src=\"/ksi/fall.js\"></script>\n";
    return """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s – Koordinierungsstelle Inobhutnahme</title>
        <link rel="stylesheet" href="/ksi/ksi.css">
        <link rel="stylesheet" href="/ksi/fall.css">
        </head>
        <body>
        <a class="skip" href="#inhalt">Zum Inhalt springen</a>
        <header class="top"><nav aria-label="Hauptnavigation">
        <a href="/camunda/app/tasklist/">Tasklist</a>
        <a href="/camunda/app/cockpit/">Cockpit</a>
        <a href="/handbuch/">Handbuch</a>
        </nav></header>
        %s
        %s
        </main>
        %s</body>
        </html>
        """
        .formatted(esc(title), main, body, script);
  }

  static ResponseEntity<String> respond(int status, String page) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .cacheControl(CacheControl.noStore())
        .body(page);
  }

  static ResponseEntity<String> notLoggedIn(String title) {
    return respond(
        401,
        page(
            title,
            """
        <h1>Bitte melden Sie sich an</h1>
        <p>Diese Seite zeigt Falldaten. Melden Sie sich zuerst in <a href="/camunda/app/tasklist/">Tasklist</a> an
        und öffnen Sie die Seite dann erneut über den Link in Ihrer Aufgabe.</p>""",
            null));
  }

  static ResponseEntity<String> notYours(String title) {
    return respond(
        404,
        page(
            title,
            """
        <h1>Fall nicht gefunden</h1>
        <p>Diesen Fall gibt es nicht, oder er gehört nicht zu Ihrem Jugendamt bzw. Träger. Der Zugriffsversuch wurde
        protokolliert. Wenn Sie den Fall bearbeiten müssen, wenden Sie sich an die Koordinierungsstelle.</p>
        <p><a href="/camunda/app/tasklist/">Zurück zu Tasklist</a></p>""",
            null));
  }
}
