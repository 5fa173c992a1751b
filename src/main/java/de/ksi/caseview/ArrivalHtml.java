// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static de.ksi.caseview.Html.esc;

import de.ksi.capacity.Need;
import de.ksi.caseprocess.Arrivals;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.NeedsProfile;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The arrival page for the accepting provider: who comes, from where, whom to call, and how to
 * confirm.
 */
final class ArrivalHtml {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private ArrivalHtml() {}

  static String body(
      CustodyCase c, NeedsProfile profile, Arrivals.Arrival arrival, CaseContacts.Contact contact) {
    String born =
        c.getBirthDate() != null
            ? DATE.format(c.getBirthDate())
            : "unbekannt (geschätztes Alter " + c.getAge() + " Jahre)";
    String needs =
        profile.needs().isEmpty()
            ? "keine"
            : profile.needs().stream().map(Need::label).collect(Collectors.joining(", "));
    String arrived =
        arrival.arrivedAt() == null
            ? "<p class=\"next\" id=\"ankunft\"><strong>Ankunft noch nicht bestätigt.</strong> Sobald das Kind bei Ihnen ist: "
                + "in Tasklist in der Aufgabe „Aufnahme vorbereiten“ „Kind ist angekommen“ wählen und abschließen.</p>"
            : "<p class=\"ok\" id=\"ankunft\"><strong>Kind ist angekommen:</strong> "
                + esc(Times.full(arrival.arrivedAt()))
                + ", bestätigt von "
                + esc(arrival.confirmedBy())
                + ".</p>";
    return """
        <h1>Aufnahme vorbereiten – Fall %s</h1>
        %s
        <p class="note">Diese Angaben dürfen Sie sehen, weil das Kind bei Ihrem Träger untergebracht wird. Der Abruf ist protokolliert.
        Bitte nicht ausdrucken oder weitergeben.</p>
        <h2>Kind</h2>
        <dl class="facts" id="identitaet">
        <dt>Name</dt><dd>%s %s</dd>
        <dt>Geburtsdatum</dt><dd>%s</dd>
        <dt>Alter</dt><dd>%d Jahre</dd>
        <dt>Geschlecht</dt><dd>%s</dd>
        <dt>Geschwister</dt><dd>%s</dd>
        <dt>Sprachen</dt><dd>%s</dd>
        <dt>Besondere Bedarfe</dt><dd>%s</dd>
        </dl>
        <h2>Ankunft</h2>
        <dl class="facts" id="anreise">
        <dt>Zugesagt</dt><dd>%s</dd>
        <dt>Das Kind ist jetzt</dt><dd>%s</dd>
        <dt>Ankunft bei Ihnen</dt><dd id="ankunftszeit">%s</dd>
        <dt>Wer bringt das Kind</dt><dd id="begleitung">%s</dd>
        </dl>
        <h2>Ansprechperson im Jugendamt</h2>
        <dl class="facts" id="ansprechperson">
        <dt>Jugendamt</dt><dd>%s</dd>
        <dt>Fachkraft im Dienst</dt><dd>%s</dd>
        <dt>E-Mail</dt><dd>%s</dd>
        </dl>
        """
        .formatted(
            esc(c.getReference()),
            arrived,
            esc(c.getFirstName()),
            esc(c.getLastName()),
            esc(born),
            c.getAge(),
            esc(profile.gender().label()),
            profile.siblings() == 1 ? "Einzelkind" : profile.siblings() + " Kinder gemeinsam",
            esc(profile.languages()),
            esc(needs),
            esc(Times.full(arrival.expectedSince())),
            esc(c.getCurrentLocation()),
            arrival.expectedAt() == null
                ? "noch nicht mitgeteilt – bitte mit der Ansprechperson abstimmen"
                : esc(Times.full(arrival.expectedAt())),
            arrival.escort() == null
                ? "das Jugendamt (" + esc(contact.office()) + ")"
                : esc(arrival.escort()),
            esc(contact.office()),
            esc(contact.name()),
            esc(contact.email()));
  }
}
