// SPDX-License-Identifier: EUPL-1.2
package de.ksi.guide;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The error pages a browser gets (instead of Spring's "Whitelabel Error Page"): German, in our
 * layout, saying what happened and where to go on. A caseworker who opens Cockpit learns whom
 * Cockpit is for and finds the way back to the task list. Nothing from the request is echoed. API
 * callers ({@code /api}, {@code /engine-rest}) keep their JSON problems: this is used only when the
 * browser asks for HTML.
 */
@Component
class ErrorPages implements ErrorViewResolver {

  private static final String TASKLIST = "/camunda/app/tasklist/";

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String path = String.valueOf(model.getOrDefault("path", ""));
    String html = Layout.page(title(status, path), body(status, path));
    View view =
        (m, req, res) -> {
          res.setContentType("text/html;charset=UTF-8");
          res.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        };
    ModelAndView page = new ModelAndView(view);
    page.setStatus(status);
    return page;
  }

  static String title(HttpStatus status, String path) {
    return switch (status) {
      case FORBIDDEN -> "Kein Zugriff" + app(path).map(app -> " auf " + app).orElse("");
      case UNAUTHORIZED -> "Bitte anmelden";
      case NOT_FOUND -> "Seite nicht gefunden";
      default -> status.is5xxServerError() ? "Etwas ist schiefgegangen" : "Die Anfrage ging nicht";
    };
  }

  private static String body(HttpStatus status, String path) {
    String what =
        switch (status) {
          case FORBIDDEN -> forbidden(path);
          case UNAUTHORIZED ->
              "<p class=\"lead\">Diese Seite sehen nur angemeldete Nutzerinnen und Nutzer.</p>"
                  + "<p>Bitte melden Sie sich in der Aufgabenliste mit Ihrer Kennung des Verbunds an.</p>";
          case NOT_FOUND ->
              "<p class=\"lead\">Diese Adresse gibt es nicht (mehr).</p>"
                  + "<p>Vielleicht ist ein Lesezeichen veraltet oder die Adresse unvollständig kopiert.</p>";
          default ->
              status.is5xxServerError()
                  ? "<p class=\"lead\">Der Server konnte die Anfrage gerade nicht bearbeiten.</p>"
                      + "<p>Bitte versuchen Sie es in einer Minute noch einmal. Gespeichertes geht dabei nicht verloren. "
                      + "Hält der Fehler an, rufen Sie bitte die Koordinierungsstelle an.</p>"
                  : "<p class=\"lead\">Diese Anfrage konnte nicht bearbeitet werden (Fehler "
                      + status.value()
                      + ").</p>";
        };
    return "<h1>"
        + title(status, path)
        + "</h1>\n"
        + what
        + "\n<ul class=\"cards\">"
        + "<li><a href=\""
        + TASKLIST
        + "\">Zurück zur Aufgabenliste</a>Ihre Aufgaben und Fälle</li>"
        + "<li><a href=\"/handbuch/\">Handbuch</a>Wer was wo erledigt</li>"
        + "<li><a href=\"/\">Startseite</a>Alle Anwendungen des Verbunds</li></ul>";
  }

  private static String forbidden(String path) {
    String whom =
        app(path)
            .map(
                app ->
                    switch (app) {
                      case "Cockpit" ->
                          "Cockpit ist für die Koordinierungsstelle, die Amtsleitungen und die Prozessverantwortlichen.";
                      case "Admin" ->
                          "Admin ist für die Administration (Benutzer, Gruppen und Berechtigungen).";
                      default ->
                          "Die Aufgabenliste ist für alle Fachkräfte, Einrichtungen und die Koordinierungsstelle.";
                    })
            .orElse("Diese Seite ist für Ihre Rolle nicht freigegeben.");
    return "<p class=\"lead\">"
        + whom
        + "</p>"
        + "<p>Ihre Aufgaben finden Sie in der Aufgabenliste. Brauchen Sie mehr Rechte, wenden Sie sich an die "
        + "Koordinierungsstelle.</p>";
  }

  private static java.util.Optional<String> app(String path) {
    if (path.startsWith("/camunda/app/cockpit") || path.startsWith("/camunda/api/cockpit")) {
      return java.util.Optional.of("Cockpit");
    }
    if (path.startsWith("/camunda/app/admin") || path.startsWith("/camunda/api/admin")) {
      return java.util.Optional.of("Admin");
    }
    if (path.startsWith("/camunda/app/tasklist")) {
      return java.util.Optional.of("die Aufgabenliste");
    }
    return java.util.Optional.empty();
  }
}
