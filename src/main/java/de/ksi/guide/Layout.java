// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

/**
 * The frame of every page the application serves outside the Camunda webapps: German, accessible,
 * responsive.
 */
final class Layout {

  private Layout() {}

  /** A whole HTML page; {@code title} and {@code body} must already be escaped HTML. */
  static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s – Koordinierungsstelle Inobhutnahme</title>
        <link rel="stylesheet" href="/ksi/ksi.css">
        </head>
        <body>
        <a class="skip" href="#inhalt">Zum Inhalt springen</a>
        <header class="top"><nav aria-label="Hauptnavigation">
        <a href="/">Startseite</a>
        <a href="/handbuch/">Handbuch</a>
        <a href="/camunda/app/tasklist/">Tasklist</a>
        <a href="/camunda/app/cockpit/">Cockpit</a>
        <a href="/camunda/app/admin/">Admin</a>
        </nav></header>
        <main id="inhalt" class="content">
        %s
        </main>
        </body>
        </html>
        """
        .formatted(title, body);
  }
}
