// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static de.ksi.caseview.Html.esc;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The case view as HTML: the next step first, then a decline or expiry, the placement and the rest.
 */
final class CaseViewHtml {

  private CaseViewHtml() {}

  static String body(
      CaseOverview o, String csrfToken, Optional<CaseOverviews.PhoneChoice> phoneChoice) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>Fall ")
        .append(esc(o.reference()))
        .append(" <span class=\"office\">")
        .append(esc(o.office()))
        .append("</span></h1>\n");
    html.append("<p class=\"next\" id=\"naechster-schritt\"><strong>Wie es weitergeht:</strong> ")
        .append(esc(o.nextStep()))
        .append("</p>\n");
    if (o.latestRefusal() != null) {
      CaseOverview.Refusal r = o.latestRefusal();
      html.append("<p class=\"alert\" role=\"alert\" id=\"letzte-absage\">")
          .append(r.expired() ? "<strong>Keine Antwort:</strong> " : "<strong>Absage:</strong> ")
          .append(esc(r.provider()))
          .append(" – ")
          .append(esc(Times.at(r.at(), o.asOf())))
          .append(" – ")
          .append(esc(r.reason()))
          .append(r.note() == null || r.note().isBlank() ? "" : " („" + esc(r.note()) + "“)")
          .append(". Die Anfrage ist beendet, der Platz wieder frei.</p>\n");
    }
    html.append("<p class=\"note\" id=\"stand\">Stand ")
        .append(esc(Times.full(o.asOf())))
        .append(" · aktualisiert sich alle 15 Sekunden von selbst</p>\n");
    placement(html, o);
    phoneChoice.ifPresent(choice -> foundByPhone(html, o, choice, csrfToken));
    arrivalPlan(html, o, csrfToken);
    profile(html, o.profile());
    html.append("<h2>Anfragen an Träger</h2>\n");
    table(
        html,
        "anfragen",
        o.requests(),
        "Noch keine Anfrage gesendet.",
        List.of("Träger", "Gesendet", "Antwort", "Grund der Absage", "Antwortfrist"),
        r ->
            List.of(
                r.provider(),
                Times.at(r.sentAt(), o.asOf()),
                r.answer()
                    + (r.answeredAt() == null
                        ? ""
                        : " (" + Times.at(r.answeredAt(), o.asOf()) + ")"),
                r.declineReason() == null
                    ? ""
                    : r.declineReason() + (r.declineNote() == null ? "" : " – " + r.declineNote()),
                NextStep.OPEN.equals(r.answer())
                    ? "bis "
                        + Times.at(r.responseDeadline(), o.asOf())
                        + " (Platz reserviert bis "
                        + Times.at(r.heldUntil(), o.asOf())
                        + ")"
                    : ""));
    html.append("<h2>Eskalationen</h2>\n");
    table(
        html,
        "eskalationen",
        o.escalations(),
        "Keine Eskalation: Stufe „Kreis“.",
        List.of("Stufe", "Seit"),
        e -> List.of(e.level(), Times.at(e.at(), o.asOf())));
    html.append("<h2>Rechtliche Pflichten und Fristen</h2>\n");
    table(
        html,
        "pflichten",
        o.duties(),
        "Noch keine Pflichtaufgabe.",
        List.of("Pflicht", "Frist", "Erledigt"),
        d ->
            List.of(
                d.name(),
                Times.at(d.due(), o.asOf()),
                d.open() ? "offen" : Times.at(d.done(), o.asOf())));
    html.append("<h2>Verlauf</h2>\n");
    table(
        html,
        "verlauf",
        o.history(),
        "Noch kein Schritt.",
        List.of("Zeit", "Schritt", "Von"),
        h -> List.of(Times.at(h.at(), o.asOf()), h.step(), h.by() == null ? "" : h.by()));
    return html.toString();
  }

  private static void placement(StringBuilder html, CaseOverview o) {
    html.append("<h2>Unterbringung</h2>\n");
    CaseOverview.Placement p = o.placement();
    if (p == null) {
      html.append("<p id=\"unterbringung\">")
          .append(
              "PLACED".equals(o.status())
                  ? "Untergebracht außerhalb des Registers: telefonisch gefundener Platz oder Notmaßnahme"
                      + " (Angaben in der Aufgabe"
                      + " „Beendigung der Inobhutnahme entscheiden“)."
                  : "Noch kein Platz.")
          .append("</p>\n");
      return;
    }
    String phone = p.phone24h() == null ? "" : p.phone24h().replaceAll("[^0-9+]", "");
    html.append("<dl class=\"facts\" id=\"unterbringung\">")
        .append("<dt>Träger</dt><dd>")
        .append(esc(p.provider()))
        .append("</dd>")
        .append("<dt>Platzart</dt><dd>")
        .append(esc(p.category()))
        .append("</dd>")
        .append("<dt>Adresse</dt><dd>")
        .append(esc(p.address()))
        .append("</dd>")
        .append("<dt>Telefon (24 h)</dt><dd><a href=\"tel:")
        .append(esc(phone))
        .append("\">")
        .append(esc(p.phone24h()))
        .append("</a></dd>")
        .append("<dt>E-Mail</dt><dd>")
        .append(esc(p.email()))
        .append("</dd>")
        .append("<dt>Untergebracht seit</dt><dd>")
        .append(esc(Times.at(p.since(), o.asOf())))
        .append("</dd>")
        .append("<dt>Ankunft</dt><dd id=\"ankunft\">")
        .append(esc(arrival(o)))
        .append("</dd></dl>\n");
  }

  /**
   * While the child is on its way: when and with whom, told to the provider; a small form to say
   * so.
   */
  private static void arrivalPlan(StringBuilder html, CaseOverview o, String csrfToken) {
    CaseOverview.Arrival a = o.arrival();
    if (a == null || a.arrivedAt() != null) {
      return;
    }
    html.append("<p id=\"ankunft-geplant\">")
        .append(
            a.expectedAt() == null
                ? "Dem Träger ist noch keine Ankunftszeit mitgeteilt."
                : "Dem Träger mitgeteilt: Ankunft "
                    + esc(Times.at(a.expectedAt(), o.asOf()))
                    + ", es bringt "
                    + esc(a.escort())
                    + ".")
        .append("</p>\n<form id=\"ankunft-planen\" class=\"plan\" data-url=\"/api/cases/")
        .append(esc(o.reference()))
        .append("/arrival-plan\" data-csrf=\"")
        .append(esc(csrfToken))
        .append("\">")
        .append("<label for=\"ankunft-zeit\">Ankunft beim Träger (Datum und Uhrzeit)</label>")
        .append("<input id=\"ankunft-zeit\" name=\"expectedAt\" type=\"datetime-local\" required>")
        .append("<label for=\"ankunft-begleitung\">Wer bringt das Kind?</label>")
        .append(
            "<input id=\"ankunft-begleitung\" name=\"escort\" type=\"text\" maxlength=\"200\" required"
                + " placeholder=\"z. B. Frau K., Bereitschaftsdienst\">")
        .append("<button type=\"submit\">Dem Träger mitteilen</button>")
        .append("<span id=\"ankunft-meldung\" role=\"status\"></span></form>\n");
  }

  /**
   * While the case waits for a place: the caseworker records a place found by phone; open requests
   * are withdrawn at once (the form's script says so after sending).
   */
  private static void foundByPhone(
      StringBuilder html, CaseOverview o, CaseOverviews.PhoneChoice choice, String csrfToken) {
    html.append("<h2 id=\"telefonisch-titel\">Platz telefonisch gefunden</h2>\n")
        .append("<p class=\"note\" id=\"telefonisch-hinweis\">")
        .append(
            switch (choice.openRequests()) {
              case 0 -> "Haben Sie selbst telefonisch einen Platz gefunden, erfassen Sie ihn hier.";
              case 1 ->
                  "Haben Sie selbst telefonisch einen Platz gefunden, erfassen Sie ihn hier. Die offene"
                      + " Anfrage wird dann sofort zurückgezogen und der Träger benachrichtigt.";
              default ->
                  "Haben Sie selbst telefonisch einen Platz gefunden, erfassen Sie ihn hier. Die "
                      + choice.openRequests()
                      + " offenen Anfragen werden dann sofort zurückgezogen und die Träger"
                      + " benachrichtigt.";
            })
        .append(" Der Fall gilt danach als untergebracht.</p>\n")
        .append("<form id=\"platz-telefonisch\" class=\"plan\" data-url=\"/api/cases/")
        .append(esc(o.reference()))
        .append("/phone-placement\" data-csrf=\"")
        .append(esc(csrfToken))
        .append("\" data-open=\"")
        .append(choice.openRequests())
        .append("\">")
        .append(
            "<label for=\"telefonisch-angebot\">Platz im Register (falls dort gelistet)</label>")
        .append("<select id=\"telefonisch-angebot\" name=\"offerId\">")
        .append("<option value=\"\">nicht im Register / nicht in dieser Liste</option>");
    choice
        .offers()
        .forEach(
            offer ->
                html.append("<option value=\"")
                    .append(offer.offerId())
                    .append("\">")
                    .append(esc(offer.label()))
                    .append("</option>"));
    html.append("</select>")
        .append(
            "<label for=\"telefonisch-notiz\">Träger / Einrichtung und wer zugesagt hat</label>")
        .append(
            "<input id=\"telefonisch-notiz\" name=\"note\" type=\"text\" maxlength=\"500\" required"
                + " aria-describedby=\"telefonisch-meldung\""
                + " placeholder=\"z. B. Haus am See, Frau Kurz (Nachtdienst)\">")
        .append("<button type=\"submit\">Platz erfassen</button>")
        .append("<span id=\"telefonisch-meldung\" role=\"status\"></span></form>\n");
  }

  private static String arrival(CaseOverview o) {
    CaseOverview.Arrival a = o.arrival();
    if (a == null) {
      return "keine Bestätigung vorgesehen (Platz außerhalb des Registers)";
    }
    if (a.arrivedAt() != null) {
      return "Kind ist angekommen: "
          + Times.at(a.arrivedAt(), o.asOf())
          + ", bestätigt von "
          + a.confirmedBy();
    }
    return "noch nicht bestätigt"
        + (a.remindedAt() == null
            ? ""
            : " (Erinnerung " + Times.at(a.remindedAt(), o.asOf()) + ")");
  }

  private static void profile(StringBuilder html, CaseOverview.Profile p) {
    html.append("<h2>Kind (pseudonymisiert)</h2>\n<dl class=\"facts\" id=\"profil\">")
        .append("<dt>Alter</dt><dd>")
        .append(esc(p.ageBand()))
        .append("</dd>")
        .append("<dt>Geschlecht</dt><dd>")
        .append(esc(p.gender()))
        .append("</dd>")
        .append("<dt>Geschwister</dt><dd>")
        .append(p.siblings() == 1 ? "Einzelkind" : p.siblings() + " Kinder gemeinsam")
        .append("</dd><dt>Rechtsgrundlage</dt><dd>")
        .append(esc(p.legalGround()))
        .append("</dd>")
        .append("<dt>Dringlichkeit</dt><dd>")
        .append(esc(p.urgency()))
        .append("</dd>")
        .append("<dt>Besondere Bedarfe</dt><dd>")
        .append(p.needs().isEmpty() ? "keine" : esc(String.join(", ", p.needs())))
        .append("</dd><dt>Sprachen</dt><dd>")
        .append(esc(p.languages()))
        .append("</dd>")
        .append("<dt>Platzart</dt><dd>")
        .append(esc(p.category()))
        .append("</dd></dl>\n")
        .append(
            "<p class=\"note\">Name und Geburtsdatum zeigt diese Seite nicht; sie stehen im Fallregister des "
                + "Jugendamts (jeder Abruf wird protokolliert).</p>\n");
  }

  private static <T> void table(
      StringBuilder html,
      String id,
      List<T> rows,
      String none,
      List<String> heads,
      Function<T, List<String>> cells) {
    if (rows.isEmpty()) {
      html.append("<p id=\"").append(id).append("\">").append(esc(none)).append("</p>\n");
      return;
    }
    html.append("<table id=\"").append(id).append("\"><thead><tr>");
    heads.forEach(h -> html.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (T row : rows) {
      html.append("<tr>");
      cells.apply(row).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>\n");
  }
}
