// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.network.District;
import de.ksi.network.Groups;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo logins: two caseworkers and a head per office, two coordinators, a process owner and an
 * administrator.
 */
final class DemoUsers {

  /** Every demo user's password; documented in the README, never used outside the demo. */
  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  private DemoUsers() {}

  static List<DemoUser> staff() {
    List<DemoUser> users = new ArrayList<>();
    String[][] names = {
      {"Anna", "Albers"},
      {"Bernd", "Brandt"},
      {"Carla", "Claussen"},
      {"Dirk", "Dittmer"},
      {"Eva", "Ehlers"},
      {"Frank", "Feddersen"},
      {"Gesa", "Gosch"},
      {"Hauke", "Harms"},
      {"Imke", "Iversen"},
      {"Jan", "Jessen"}
    };
    int n = 0;
    for (District district : District.values()) {
      for (int i = 1; i <= 2; i++) {
        String[] name = names[n++];
        users.add(
            new DemoUser(
                "fk-" + district.code().toLowerCase() + "-" + i,
                name[0],
                name[1] + " (Demo)",
                List.of(district.groupId())));
      }
    }
    String[][] heads = {
      {"Olaf", "Ohlsen"},
      {"Petra", "Paulsen"},
      {"Rolf", "Reimers"},
      {"Sina", "Schütt"},
      {"Timo", "Thies"}
    };
    int h = 0;
    for (District district : District.values()) {
      String[] name = heads[h++];
      users.add(
          new DemoUser(
              "al-" + district.code().toLowerCase(),
              name[0],
              name[1] + " (Demo)",
              List.of(district.headGroupId())));
    }
    users.add(new DemoUser("koordination-1", "Klara", "Kühl (Demo)", List.of(Groups.COORDINATORS)));
    users.add(
        new DemoUser("koordination-2", "Lars", "Lorenzen (Demo)", List.of(Groups.COORDINATORS)));
    users.add(new DemoUser("prozess-1", "Maren", "Möller (Demo)", List.of(Groups.PROCESS_OWNERS)));
    users.add(new DemoUser("admin", "Nils", "Nissen (Demo)", List.of(Groups.ADMINS)));
    return users;
  }
}
