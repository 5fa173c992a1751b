// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.Gender;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.Need;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess.Choice;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * "Eine Nacht im Verbund": plays a whole night against the demo data and tells in German what
 * happens and who sees what in which webapp. Three cases: one placed after a request (one provider
 * declines, one accepts), one placed by phone, one escalated from Pinneberg to the network and
 * placed in another district.
 */
@Component
class DemoNight {

  /** The references of the night's cases, for whoever wants to look at them afterwards. */
  public record Night(String requested, String byPhone, String escalated) {}

  private final NightActors people;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;

  DemoNight(NightActors people, CapacityRegistry registry, ProviderDirectory directory) {
    this.people = people;
    this.registry = registry;
    this.directory = directory;
  }

  public Night play(Consumer<String> say) {
    say.accept(
        """
        ═══ Eine Nacht im Verbund ═══
        Alle Demo-Benutzer haben das Passwort "demo". Öffnen Sie http://localhost:8080/ und schauen Sie nach jeder
        Szene in Tasklist oder Cockpit nach, was die genannte Person jetzt sieht.""");
    String first = requestedCase(say);
    String second = phoneCase(say);
    String third = escalatedCase(say);
    duties(say, first, second);
    say.accept(
        """

        ═══ Morgens ═══
        Drei Kinder sind untergebracht: %s (Anfrage und Zusage), %s (telefonisch), %s (über den Verbund).
        koordination-1 sieht im Cockpit-Lagebild keine wartenden Kinder mehr, dafür die überfällige Pflicht; die
        Anwendung läuft weiter – sehen Sie sich die Fälle in Tasklist und Cockpit an (Suche nach der Fallnummer)."""
            .formatted(first, second, third));
    return new Night(first, second, third);
  }

  private String requestedCase(Consumer<String> say) {
    say.accept("\n── Szene 1: Kreis Segeberg, 22:40 Uhr ──");
    String reference =
        people
            .register(
                "fk-seg-1",
                child(District.SEGEBERG, LegalGround.NR2_DRINGENDE_GEFAHR, 14, Gender.FEMALE))
            .caseReference();
    Task choose = people.task(reference, SearchElements.CHOOSE);
    List<String> offers = candidateOffers(choose);
    say.accept(
        """
        Die Polizei bringt ein 14-jähriges Mädchen. fk-seg-1 nimmt den Fall %s in Tasklist auf ("Prozess starten" →
        "Inobhutnahme aufnehmen"). Sofort steht in "Alle Aufgaben": "Platz auswählen und anfragen" mit %d passenden
        freien Plätzen, die besten zuerst."""
            .formatted(reference, offers.size()));
    // the best place and the best one answered by other staff, so that two people answer
    String best = offers.get(0);
    String other =
        offers.stream()
            .skip(1)
            .filter(o -> !staff(o).equals(staff(best)))
            .findFirst()
            .orElse(offers.get(1));
    List<String> asked = List.of(best, other);
    people.complete(
        "fk-seg-1",
        choose,
        Map.of(
            Vars.CHOICE,
            Choice.REQUEST,
            Vars.SELECTED_OFFERS,
            SpinValues.jsonValue(
                    asked.stream()
                        .map(o -> "\"" + o + "\"")
                        .collect(Collectors.joining(",", "[", "]")))
                .create()));
    List<HoldView> holds = openHolds(reference);
    String declining = people.memberOf(holds.get(0).providerGroup());
    String accepting = people.memberOf(holds.get(1).providerGroup());
    say.accept(
        """
        fk-seg-1 fragt zwei Einrichtungen gleichzeitig an. Je ein Platz wird reserviert; %s und %s sehen in Tasklist
        unter "Anfragen an meinen Träger" die Aufgabe "Platzanfrage beantworten" – nur mit Alter und Bedarf, ohne Namen."""
            .formatted(declining, accepting));
    people.decline(
        declining, holds.get(0).id(), DeclineReason.STAFF_SHORTAGE, "Nachtdienst allein");
    say.accept(declining + " sagt ab (Personalmangel). Der reservierte Platz wird wieder frei.");
    people.accept(accepting, holds.get(1).id());
    say.accept(
        accepting
            + " sagt zu. Die erste Zusage gewinnt: der Fall "
            + reference
            + " ist untergebracht, fk-seg-1 sieht den Fall als untergebracht, offene Anfragen wären jetzt zurückgezogen.");
    return reference;
  }

  private String phoneCase(Consumer<String> say) {
    say.accept("\n── Szene 2: Kreis Stormarn, 23:15 Uhr ──");
    String reference =
        people
            .register(
                "fk-sto-1",
                child(District.STORMARN, LegalGround.NR1_SELBSTMELDUNG, 15, Gender.MALE))
            .caseReference();
    Task choose = people.task(reference, SearchElements.CHOOSE);
    String requested = candidateOffers(choose).get(0);
    people.complete(
        "fk-sto-1",
        choose,
        Map.of(
            Vars.CHOICE,
            Choice.REQUEST,
            Vars.SELECTED_OFFERS,
            SpinValues.jsonValue("[\"" + requested + "\"]").create()));
    say.accept(
        """
        Ein 15-Jähriger meldet sich selbst beim Jugendnotdienst. fk-sto-1 nimmt den Fall %s auf und fragt eine
        Einrichtung an. Während die Anfrage offen ist, erreicht fk-sto-1 eine andere Einrichtung am Telefon."""
            .formatted(reference));
    long phoneOffer =
        directory.list(District.STORMARN).stream()
            .flatMap(provider -> provider.offers().stream())
            .map(offer -> offer.id())
            .filter(id -> id != Long.parseLong(requested))
            .findFirst()
            .orElseThrow();
    people.foundByPhone(
        "fk-sto-1", reference, phoneOffer, "Telefonat mit dem Nachtdienst, Zusage mündlich");
    say.accept(
        """
        fk-sto-1 erfasst den telefonisch gefundenen Platz (POST /api/cases/%s/phone-placement). Die offene Anfrage
        verschwindet aus der Tasklist der angefragten Einrichtung, ihre Reservierung wird freigegeben."""
            .formatted(reference));
    return reference;
  }

  private String escalatedCase(Consumer<String> say) {
    say.accept("\n── Szene 3: Kreis Pinneberg, 00:30 Uhr ──");
    String reference =
        people
            .register(
                "fk-pin-1",
                child(District.PINNEBERG, LegalGround.NR2_DRINGENDE_GEFAHR, 9, Gender.MALE))
            .caseReference();
    say.accept(
        """
        fk-pin-1 nimmt den Fall %s auf: ein 9-jähriger Junge, sofort. Im Kreis Pinneberg wählt in der Frist von
        30 Minuten niemand einen Platz aus. Die Demo lässt diese Frist jetzt ablaufen (im Betrieb feuert der Timer
        nach 30 Minuten von selbst; die Uhr der Anwendung wird dafür nicht verstellt)."""
            .formatted(reference));
    people.deadlinePasses(reference, Elements.DISTRICT_DEADLINE);
    Task network = people.task(reference, SearchElements.CHOOSE);
    List<String> offers = candidateOffers(network);
    say.accept(
        """
        Der Fall ist an den Verbund eskaliert. koordination-1 sieht ihn in Tasklist unter "Verbund-Eskalationen" und
        im Cockpit-Lagebild als wartendes Kind; die Verbundsuche zeigt %d Plätze in allen fünf Jugendämtern."""
            .formatted(offers.size()));
    String elsewhere =
        offers.stream()
            .filter(
                o ->
                    directory.get(directory.offerView(Long.parseLong(o)).providerId()).district()
                        != District.PINNEBERG)
            .findFirst()
            .orElse(offers.get(0));
    people.complete(
        "koordination-1",
        network,
        Map.of(
            Vars.CHOICE,
            Choice.REQUEST,
            Vars.SELECTED_OFFERS,
            SpinValues.jsonValue("[\"" + elsewhere + "\"]").create()));
    HoldView hold = openHolds(reference).get(0);
    String provider = people.memberOf(hold.providerGroup());
    people.accept(provider, hold.id());
    say.accept(
        """
        koordination-1 fragt eine Einrichtung in einem anderen Kreis an; %s sagt zu. Der Fall %s ist über den
        Verbund untergebracht (Eskalationsstufe VERBUND, in Cockpit als Variable escalationLevel sichtbar)."""
            .formatted(provider, reference));
    return reference;
  }

  private void duties(Consumer<String> say, String first, String second) {
    say.accept("\n── Szene 4: gesetzliche Pflichten ──");
    Task inform = people.task(first, DutiesProcess.Elements.INFORM_CHILD);
    people.complete(
        "fk-seg-1",
        inform,
        Map.of(
            DutiesProcess.Variables.CHILD_INFORMED,
            true,
            DutiesProcess.Variables.TRUSTED_PERSON_OFFERED,
            true,
            DutiesProcess.Variables.TRUSTED_PERSON_NOTIFIED,
            false));
    say.accept(
        "fk-seg-1 erledigt für "
            + first
            + " die Pflicht \"Kind informieren und Vertrauensperson benachrichtigen lassen\" (§ 42 Abs. 2 SGB VIII).");
    people.deadlinePasses(second, DutiesProcess.Elements.INFORM_CHILD_OVERDUE);
    say.accept(
        """
        Für %s ist dieselbe Pflicht liegen geblieben; die Demo lässt ihre Frist ablaufen. Die Koordinierungsstelle
        bekommt "Frist überschritten: Kind informieren" (Tasklist-Filter "Überfällige Fristen"), das Jugendamt
        Stormarn eine Benachrichtigung; fk-sto-1 sieht die Pflicht weiter in "Alle Aufgaben"."""
            .formatted(second));
  }

  private static IntakeRequest child(District office, LegalGround ground, int age, Gender gender) {
    return new IntakeRequest(
        office,
        ground,
        "Demo",
        "Kind",
        null,
        age,
        gender,
        "Deutsch",
        1,
        Set.of(Need.TRAUMA),
        Urgency.IMMEDIATE,
        false,
        "Polizeirevier (Demo)",
        "Demo-Nacht",
        null);
  }

  /**
   * The offered places, best first, of providers with staff who can answer (every demo provider
   * has).
   */
  private List<String> candidateOffers(Task choose) {
    SpinJsonNode options = (SpinJsonNode) people.formVariable(choose, Vars.CANDIDATES);
    return options.elements().stream()
        .map(o -> o.prop("value").stringValue())
        .filter(offer -> people.hasStaff(directory.groupOfOffer(Long.parseLong(offer))))
        .toList();
  }

  private String staff(String offerId) {
    return people.memberOf(directory.groupOfOffer(Long.parseLong(offerId)));
  }

  private List<HoldView> openHolds(String reference) {
    return registry.holdsOf(reference).stream()
        .filter(h -> h.status() == de.ksi.capacity.HoldStatus.HELD)
        .toList();
  }
}
