// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApiClient.Caller;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input is refused with 400 as an RFC 9457 problem that names the offending field, in English
 * by default and in German on request, and nothing of it is stored.
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  private static final String SEARCH = "/api/capacity/search?";
  private static final String FITTING =
      "district=SEGEBERG&category=INOBHUTNAHME_GRUPPE&gender=FEMALE&age=14";
  private static final String PROVIDER =
      """
      {"name": %s, "district": %s, "address": "Am Markt 1, 23795 Bad Segeberg", "phone24h": "04551 555 0",
       "email": %s, "offers": [{"category": "INOBHUTNAHME_GRUPPE", "minAge": 6, "maxAge": 17,
       "genders": ["FEMALE", "MALE"], "maxSiblings": 2, "licensed": %s}]}""";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  private ApiClient api;
  private OfferView offer;
  private long holdId;

  @BeforeAll
  void offerAndHold() {
    api = new ApiClient(port);
    offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 5);
    holdId =
        coordinator()
            .post(
                "/api/holds",
                "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201)
            .get("id")
            .asLong();
  }

  /** One bad request: what is sent, which field is wrong, and the message in English and German. */
  record BadInput(
      String name,
      String method,
      String path,
      String body,
      String field,
      String english,
      String german) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadInput> badInputs() {
    String report = "/api/offers/{offer}/availability";
    String decline = "/api/requests/{hold}/decline";
    return Stream.of(
        new BadInput(
            "free missing",
            "PUT",
            report,
            "{}",
            "free",
            "must not be null",
            "darf nicht null sein"),
        new BadInput(
            "free negative",
            "PUT",
            report,
            "{\"free\": -1}",
            "free",
            "must be greater than or equal to 0",
            "muss größer-gleich 0 sein"),
        new BadInput(
            "free oversized",
            "PUT",
            report,
            "{\"free\": 501}",
            "free",
            "must be less than or equal to 500",
            "muss kleiner-gleich 500 sein"),
        new BadInput(
            "unknown field",
            "PUT",
            report,
            "{\"free\": 1, \"frei\": 2}",
            "frei",
            "This field is not known; remove it or check its spelling.",
            "Dieses Feld ist unbekannt; bitte entfernen oder die Schreibweise prüfen."),
        new BadInput(
            "free of wrong type",
            "PUT",
            report,
            "{\"free\": \"viele\"}",
            "free",
            "The value 'viele' has the wrong type for this field.",
            "Der Wert „viele“ passt nicht zu diesem Feld."),
        new BadInput(
            "malformed JSON",
            "PUT",
            report,
            "{\"free\": ",
            "body",
            "The request body is not valid JSON.",
            "Der Inhalt der Anfrage ist kein gültiges JSON."),
        new BadInput(
            "offerId missing",
            "POST",
            "/api/holds",
            "{\"caseReference\": \"SEG-2026-0001\"}",
            "offerId",
            "must not be null",
            "darf nicht null sein"),
        new BadInput(
            "offerId of wrong type",
            "POST",
            "/api/holds",
            "{\"offerId\": \"das Lindenhaus\", \"caseReference\": \"SEG-2026-0001\"}",
            "offerId",
            "The value 'das Lindenhaus' has the wrong type for this field.",
            "Der Wert „das Lindenhaus“ passt nicht zu diesem Feld."),
        new BadInput(
            "case reference that is a name",
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"Max Mustermann\"}",
            "caseReference",
            "must match",
            "muss mit"),
        new BadInput(
            "minutes zero",
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-0001\", \"minutes\": 0}",
            "minutes",
            "must be greater than or equal to 1",
            "muss größer-gleich 1 sein"),
        new BadInput(
            "minutes oversized",
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-0001\", \"minutes\": 1441}",
            "minutes",
            "must be less than or equal to 1440",
            "muss kleiner-gleich 1440 sein"),
        new BadInput(
            "places oversized",
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-0001\", \"places\": 13}",
            "places",
            "must be less than or equal to 12",
            "muss kleiner-gleich 12 sein"),
        new BadInput(
            "places fractional",
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-0001\", \"places\": 1.5}",
            "places",
            "The value '1.5' has the wrong type for this field.",
            "Der Wert „1.5“ passt nicht zu diesem Feld."),
        new BadInput(
            "decline reason unknown",
            "POST",
            decline,
            "{\"reason\": \"KEINE_LUST\"}",
            "reason",
            "'KEINE_LUST' is not a known value; allowed are: NO_PLACE_ANYMORE, PROFILE_NOT_SUITABLE",
            "„KEINE_LUST“ ist kein zulässiger Wert; zulässig sind: NO_PLACE_ANYMORE"),
        new BadInput(
            "decline reason missing",
            "POST",
            decline,
            "{\"note\": \"voll\"}",
            "reason",
            "must not be null",
            "darf nicht null sein"),
        new BadInput(
            "decline note oversized",
            "POST",
            decline,
            "{\"reason\": \"OTHER\", \"note\": \"" + "x".repeat(1001) + "\"}",
            "note",
            "size must be between 0 and 1000",
            "Größe muss zwischen 0 und 1000 sein"),
        new BadInput(
            "search category unknown",
            "GET",
            SEARCH + FITTING.replace("INOBHUTNAHME_GRUPPE", "HOTEL"),
            null,
            "category",
            "'HOTEL' is not a known value; allowed are: INOBHUTNAHME_GRUPPE",
            "„HOTEL“ ist kein zulässiger Wert; zulässig sind: INOBHUTNAHME_GRUPPE"),
        new BadInput(
            "search category empty",
            "GET",
            SEARCH + FITTING.replace("INOBHUTNAHME_GRUPPE", ""),
            null,
            "category",
            "must not be empty",
            "darf nicht leer sein"),
        new BadInput(
            "search gender unknown",
            "GET",
            SEARCH + FITTING.replace("FEMALE", "W"),
            null,
            "gender",
            "'W' is not a known value; allowed are: FEMALE, MALE, DIVERSE",
            "„W“ ist kein zulässiger Wert; zulässig sind: FEMALE, MALE, DIVERSE"),
        new BadInput(
            "search district missing",
            "GET",
            SEARCH + FITTING.replace("district=SEGEBERG&", ""),
            null,
            "district",
            "This parameter is required.",
            "Diese Angabe fehlt."),
        new BadInput(
            "search age negative",
            "GET",
            SEARCH + FITTING.replace("age=14", "age=-1"),
            null,
            "age",
            "must be greater than or equal to 0",
            "muss größer-gleich 0 sein"),
        new BadInput(
            "search age oversized",
            "GET",
            SEARCH + FITTING.replace("age=14", "age=28"),
            null,
            "age",
            "must be less than or equal to 27",
            "muss kleiner-gleich 27 sein"),
        new BadInput(
            "search age of wrong type",
            "GET",
            SEARCH + FITTING.replace("age=14", "age=vierzehn"),
            null,
            "age",
            "The value 'vierzehn' has the wrong type for this field.",
            "Der Wert „vierzehn“ passt nicht zu diesem Feld."),
        new BadInput(
            "search siblings zero",
            "GET",
            SEARCH + FITTING + "&siblings=0",
            null,
            "siblings",
            "must be greater than or equal to 1",
            "muss größer-gleich 1 sein"),
        new BadInput(
            "provider name oversized",
            "POST",
            "/api/providers",
            PROVIDER.formatted(
                ApiClient.quote("N".repeat(201)), "\"SEGEBERG\"", "\"a@example.org\"", 4),
            "name",
            "size must be between 0 and 200",
            "Größe muss zwischen 0 und 200 sein"),
        new BadInput(
            "provider district unknown",
            "POST",
            "/api/providers",
            PROVIDER.formatted("\"Haus Atlantis\"", "\"ATLANTIS\"", "\"a@example.org\"", 4),
            "district",
            "'ATLANTIS' is not a known value; allowed are: SEGEBERG, STORMARN, PINNEBERG, HERZOGTUM_LAUENBURG, NORDERSTEDT",
            "„ATLANTIS“ ist kein zulässiger Wert"),
        new BadInput(
            "provider e-mail malformed",
            "POST",
            "/api/providers",
            PROVIDER.formatted("\"Haus Kein Mail\"", "\"SEGEBERG\"", "\"keine-mail\"", 4),
            "email",
            "must be a well-formed email address",
            "muss eine korrekt formatierte E-Mail-Adresse sein"),
        new BadInput(
            "offer without licensed places",
            "POST",
            "/api/providers",
            PROVIDER.formatted("\"Haus Null\"", "\"SEGEBERG\"", "\"a@example.org\"", 0),
            "offers[0].licensed",
            "must be greater than or equal to 1",
            "muss größer-gleich 1 sein"),
        new BadInput(
            "path id of wrong type",
            "GET",
            "/api/providers/lindenhof",
            null,
            "id",
            "The value 'lindenhof' has the wrong type for this field.",
            "Der Wert „lindenhof“ passt nicht zu diesem Feld."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedNamingTheFieldInEnglishByDefault(BadInput input) {
    List<Object> before = storedState();

    JsonNode problem = send(coordinator(), input).problem(400);

    assertThat(problem.get("field").asText()).isEqualTo(input.field());
    assertThat(problem.get("detail").asText())
        .isEqualTo("The request has invalid fields: " + input.field() + ".");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(input.field());
    assertThat(problem.get("errors").get(0).get("message").asText()).startsWith(input.english());
    assertThat(storedState()).as("nothing stored").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedNamingTheFieldInGermanWhenAsked(BadInput input) {
    List<Object> before = storedState();

    JsonNode problem = send(coordinator().inGerman(), input).problem(400);

    assertThat(problem.get("field").asText()).isEqualTo(input.field());
    assertThat(problem.get("detail").asText())
        .isEqualTo("Die Anfrage enthält ungültige Angaben: " + input.field() + ".");
    assertThat(problem.get("errors").get(0).get("message").asText()).startsWith(input.german());
    assertThat(storedState()).as("nothing stored").isEqualTo(before);
  }

  @Test
  void aReportAboveTheLicensedPlacesIsRefusedSayingHowManyAreLicensed() {
    List<Object> before = storedState();
    String path = "/api/offers/" + offer.id() + "/availability";

    JsonNode english = coordinator().put(path, "{\"free\": 9}").problem(400);
    JsonNode german = coordinator().inGerman().put(path, "{\"free\": 9}").problem(400);

    assertThat(english.get("code").asText()).isEqualTo("problem.offer.free-out-of-range");
    assertThat(english.get("field").asText()).isEqualTo("free");
    assertThat(english.get("detail").asText())
        .isEqualTo("free must be between 0 and the 8 licensed places of this offer, was 9.");
    assertThat(german.get("detail").asText())
        .isEqualTo(
            "Freie Plätze müssen zwischen 0 und den 8 genehmigten Plätzen liegen, gemeldet wurden 9.");
    assertThat(storedState()).isEqualTo(before);
  }

  @Test
  void offerTermsWithMinimumAboveMaximumAgeAreRefusedNamingMinAge() {
    List<Object> before = storedState();

    JsonNode problem =
        coordinator()
            .put(
                "/api/offers/" + offer.id(),
                """
        {"category": "INOBHUTNAHME_GRUPPE", "minAge": 12, "maxAge": 6, "genders": ["MALE"], "maxSiblings": 1,
         "licensed": 8}""")
            .problem(400);

    assertThat(problem.get("field").asText()).isEqualTo("minAge");
    assertThat(problem.get("detail").asText())
        .isEqualTo("minAge (12) must not be greater than maxAge (6).");
    assertThat(storedState()).isEqualTo(before);
  }

  @Test
  void unknownThingsAreNotFoundAndSaidSoWithTheirId() {
    assertThat(coordinator().get("/api/providers/123456").problem(404).get("detail").asText())
        .isEqualTo("Provider 123456 does not exist.");
    assertThat(
            coordinator()
                .inGerman()
                .get("/api/providers/123456")
                .problem(404)
                .get("detail")
                .asText())
        .isEqualTo("Den Träger 123456 gibt es nicht.");
    assertThat(coordinator().get("/api/offers/123456").problem(404).get("code").asText())
        .isEqualTo("problem.offer.not-found");
    assertThat(
            coordinator()
                .put("/api/offers/123456/availability", "{\"free\": 1}")
                .problem(404)
                .get("detail")
                .asText())
        .isEqualTo("Offer 123456 does not exist.");
    assertThat(
            api.as("fk-seg-1")
                .put("/api/offers/123456/availability", "{\"free\": 1}")
                .problem(404)
                .get("code")
                .asText())
        .isEqualTo("problem.offer.not-found");
    assertThat(
            coordinator()
                .post("/api/holds", "{\"offerId\": 123456, \"caseReference\": \"SEG-2026-0001\"}")
                .problem(404)
                .get("detail")
                .asText())
        .isEqualTo("Offer 123456 does not exist.");
    assertThat(coordinator().get("/api/holds/123456").problem(404).get("detail").asText())
        .isEqualTo("Hold 123456 does not exist.");
    coordinator().post("/api/holds/123456/release").problem(404);
    coordinator()
        .put(
            "/api/providers/123456",
            """
        {"name": "Haus", "district": "SEGEBERG", "address": "Am Markt 1", "phone24h": "04551 555 0",
         "email": "a@example.org"}""")
        .problem(404);
  }

  @Test
  void wrongMethodsAndMediaTypesAreProblemsToo() {
    coordinator().send("DELETE", "/api/providers/" + offer.providerId(), null).problem(405);
    assertThat(
            coordinator()
                .send("PUT", "/api/offers/" + offer.id() + "/availability", null)
                .problem(400)
                .get("field")
                .asText())
        .isEqualTo("body");
  }

  private Caller coordinator() {
    return api.as("koordination-1");
  }

  private ApiClient.Reply send(Caller caller, BadInput input) {
    String path =
        input
            .path()
            .replace("{offer}", String.valueOf(offer.id()))
            .replace("{hold}", String.valueOf(holdId));
    String body =
        input.body() == null ? null : input.body().replace("{offer}", String.valueOf(offer.id()));
    return caller.send(input.method(), path, body);
  }

  /** Everything a bad request could have changed. */
  private List<Object> storedState() {
    Map<String, Object> counts =
        jdbc.queryForMap(
            "SELECT (SELECT COUNT(*) FROM provider) AS providers, (SELECT COUNT(*) FROM offer) AS offers,"
                + " (SELECT COUNT(*) FROM hold) AS holds, (SELECT COUNT(*) FROM placement) AS placements");
    Map<String, Object> reported =
        jdbc.queryForMap(
            "SELECT reported_free, reported_at, reported_by, min_age, max_age, licensed, version FROM offer WHERE id = ?",
            offer.id());
    Map<String, Object> hold =
        jdbc.queryForMap(
            "SELECT status, decline_reason, expires_at, version FROM hold WHERE id = ?", holdId);
    return List.of(counts, reported, hold);
  }
}
