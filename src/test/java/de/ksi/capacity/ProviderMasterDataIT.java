// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.testing.ApiClient;
import de.ksi.testing.KsiIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Coordinators maintain providers and their offers over the REST API; every answer shows the stored
 * state.
 */
@KsiIntegrationTest
class ProviderMasterDataIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine processEngine;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void aRegisteredProviderIsListedWithItsOffersAndAllLicensedPlacesFree() {
    String name = "Jugendhof Am Deich " + suffix();

    JsonNode created =
        api.as("koordination-1").post("/api/providers", provider(name, null)).expect(201);

    assertThat(created.get("districtLabel").asText()).isEqualTo("Kreis Pinneberg");
    assertThat(created.get("offers").get(0).get("free").asInt()).isEqualTo(6);
    assertThat(created.get("offers").get(0).get("reportedBy").asText()).isEqualTo("koordination-1");
    JsonNode listed = api.as("fk-pin-1").get("/api/providers?district=PINNEBERG").expect(200);
    assertThat(listed.findValuesAsText("name")).contains(name);
    assertThat(api.as("fk-pin-1").get("/api/providers/" + created.get("id").asLong()).expect(200))
        .isEqualTo(created);
  }

  @Test
  void aGroupThatAlreadyBelongsToAProviderCannotBeGivenToAnother() {
    String group = "traeger-deich-" + suffix();
    api.as("koordination-1")
        .post("/api/providers", provider("Haus A " + suffix(), group))
        .expect(201);

    JsonNode conflict =
        api.as("koordination-1")
            .post("/api/providers", provider("Haus B " + suffix(), group))
            .problem(409);

    assertThat(conflict.get("code").asText()).isEqualTo("problem.provider.group-taken");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM provider WHERE group_id = ?", Integer.class, group))
        .isEqualTo(1);
  }

  @Test
  void twoProvidersOfTheSameNameGetAGroupEachAndBothAreListed() {
    String name = "Kinderhaus Lindenhof " + suffix();

    JsonNode first =
        api.as("koordination-1").post("/api/providers", provider(name, null)).expect(201);
    JsonNode second =
        api.as("koordination-1").post("/api/providers", provider(name, null)).expect(201);

    String group = first.get("groupId").asText();
    assertThat(second.get("groupId").asText()).isEqualTo(group + "-2");
    assertThat(
            jdbc.queryForList(
                "SELECT group_id FROM provider WHERE name = ? ORDER BY id", String.class, name))
        .containsExactly(group, group + "-2");
    assertThat(processEngine.getIdentityService().createGroupQuery().groupId(group + "-2").count())
        .as("the second provider's staff act through a Camunda group of its own")
        .isEqualTo(1);
  }

  @Test
  void aCoordinatorCannotGiveAProviderAnOfficesOrAPrivilegedGroup() {
    for (String group :
        List.of(
            "camunda-admin",
            "koordinierungsstelle",
            "jugendamt-segeberg",
            "amtsleitung-stormarn",
            "datenschutz",
            "prozessverantwortliche")) {
      JsonNode refused =
          api.as("koordination-1")
              .post("/api/providers", provider("Haus X " + suffix(), group))
              .problem(400);

      assertThat(refused.get("field").asText()).isEqualTo("groupId");
      assertThat(refused.get("code").asText()).isEqualTo("problem.provider.group-not-provider");
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM provider WHERE group_id = ?", Integer.class, group))
          .isZero();
    }
    String engine = "/engine-rest/engine/" + processEngine.getName();
    assertThat(
            api.as("koordination-1")
                .put(engine + "/group/camunda-admin/members/koordination-1", "")
                .status())
        .as("nor make anyone a member of a group in the engine")
        .isEqualTo(403);
    assertThat(
            api.as("koordination-1")
                .put(engine + "/group/jugendamt-segeberg/members/koordination-1", "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void fewerLicensedPlacesShowAtOnceInTheChangedOffersFreeCount() {
    JsonNode created =
        api.as("koordination-1")
            .post("/api/providers", provider("Haus C " + suffix(), null))
            .expect(201);
    long offerId = created.get("offers").get(0).get("id").asLong();

    JsonNode changed =
        api.as("koordination-1")
            .put(
                "/api/offers/" + offerId,
                """
        {"category": "CLEARING_UMA", "minAge": 12, "maxAge": 17, "genders": ["MALE", "DIVERSE"], "maxSiblings": 2,
         "licensed": 4}""")
            .expect(200);

    assertThat(changed.get("licensed").asInt()).isEqualTo(4);
    assertThat(changed.get("reportedFree").asInt()).isEqualTo(4);
    assertThat(changed.get("free").asInt()).as("the answer to the change").isEqualTo(4);
    assertThat(api.as("koordination-1").get("/api/offers/" + offerId).expect(200))
        .isEqualTo(changed);
  }

  @Test
  void anOfferAddedToAProviderStartsWithAllItsPlacesFree() {
    JsonNode created =
        api.as("koordination-1")
            .post("/api/providers", provider("Haus D " + suffix(), null))
            .expect(201);

    JsonNode offer =
        api.as("admin")
            .post(
                "/api/providers/" + created.get("id").asLong() + "/offers",
                """
        {"category": "BEREITSCHAFTSPFLEGE", "minAge": 0, "maxAge": 10, "genders": ["FEMALE", "MALE", "DIVERSE"],
         "maxSiblings": 2, "licensed": 2}""")
            .expect(201);

    assertThat(offer.get("free").asInt()).isEqualTo(2);
    assertThat(offer.get("categoryLabel").asText()).isEqualTo("Bereitschaftspflegefamilie");
    assertThat(
            api.as("fk-pin-2")
                .get("/api/providers/" + created.get("id").asLong())
                .expect(200)
                .get("offers"))
        .hasSize(2);
  }

  private static String provider(String name, String groupId) {
    return """
        {"name": %s, "district": "PINNEBERG", "address": "Deichstraße 3, 25335 Elmshorn", "phone24h": "04121 555 300",
         "email": "aufnahme@deich.example.org", %s
         "offers": [{"category": "CLEARING_UMA", "minAge": 12, "maxAge": 17, "genders": ["MALE"], "maxSiblings": 2,
                     "licensed": 6}]}"""
        .formatted(
            ApiClient.quote(name), groupId == null ? "" : "\"groupId\": \"" + groupId + "\",");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
