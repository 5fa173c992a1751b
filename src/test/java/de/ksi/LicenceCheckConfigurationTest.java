// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The licence check of pom.xml (license-maven-plugin, add-third-party) rejects GPL and AGPL and
 * accepts the permissive licences, judged the way the plugin judges: licence names are first mapped
 * by the licenseMerges, and a dependency passes when at least one of its licences is on the
 * allow-list.
 */
class LicenceCheckConfigurationTest {

  static Set<String> allowed;
  static Map<String, String> merges;
  static Element configuration;

  @BeforeAll
  static void readPom() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    var pom = factory.newDocumentBuilder().parse(new File("pom.xml"));
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      if ("third-party-notice".equals(text(execution, "id"))) {
        configuration = (Element) execution.getElementsByTagName("configuration").item(0);
      }
    }
    assertThat(configuration)
        .as("execution third-party-notice of the license-maven-plugin")
        .isNotNull();
    allowed = Set.copyOf(texts(configuration, "includedLicense"));
    merges = new HashMap<>();
    for (String merge : texts(configuration, "licenseMerge")) {
      List<String> names = Arrays.stream(merge.split("\\|")).map(String::trim).toList();
      names.forEach(name -> merges.put(name, names.get(0)));
    }
  }

  @Test
  void gplAndAgplOnlyDependenciesFailTheBuild() {
    assertThat(
            List.of(
                "GPL-2.0-only",
                "GPL-3.0-only",
                "GPL-3.0-or-later",
                "AGPL-3.0-only",
                "GNU General Public License v3.0",
                "GNU General Public License, version 2",
                "GNU Affero General Public License v3",
                "GPL2 w/ CPE",
                "GNU General Public License, version 2 with the GNU Classpath Exception",
                "SSPL-1.0",
                "GNU Lesser General Public License",
                "No licence named"))
        .allSatisfy(licence -> assertThat(passes(licence)).as(licence).isFalse());
  }

  @Test
  void permissiveLicencesPassUnderAnyOfTheirCommonNames() {
    assertThat(
            List.of(
                "The Apache Software License, Version 2.0",
                "Apache License, Version 2.0",
                "Apache-2.0",
                "The MIT License",
                "MIT",
                "BSD-3-Clause",
                "Modified BSD",
                "Eclipse Distribution License - v 1.0",
                "BSD 2-Clause",
                "EPL 2.0",
                "Eclipse Public License - v 1.0",
                "MPL 2.0",
                "EUPL-1.2"))
        .allSatisfy(licence -> assertThat(passes(licence)).as(licence).isTrue());
  }

  @Test
  void aDualLicensedDependencyPassesUnderItsAllowedLicenceOnly() {
    assertThat(passes("EPL 2.0", "GPL2 w/ CPE")).as("Jakarta APIs").isTrue();
    assertThat(passes("Eclipse Public License - v 1.0", "GNU Lesser General Public License"))
        .as("Logback")
        .isTrue();
    assertThat(passes("GPL-3.0-only", "AGPL-3.0-only")).as("two copyleft choices").isFalse();
  }

  @Test
  void noMergeTurnsAGplNameIntoAnAllowedLicence() {
    List<String> laundered = new ArrayList<>();
    merges.forEach(
        (name, spdx) -> {
          boolean gpl = name.contains("GPL") || name.contains("General Public");
          boolean lesser =
              name.contains("LGPL") || name.contains("Lesser") || name.contains("Library");
          if (gpl && !lesser && allowed.contains(spdx)) {
            laundered.add(name + " -> " + spdx);
          }
        });

    assertThat(laundered).isEmpty();
    assertThat(allowed).noneMatch(licence -> licence.matches("A?GPL.*"));
  }

  @Test
  void theCheckRunsOnEveryBuildOverWhatTheJarShips() {
    assertThat(text(configuration, "failOnBlacklist")).isEqualTo("true");
    assertThat(text(configuration, "failOnMissing")).isEqualTo("true");
    assertThat(text(configuration, "force")).isEqualTo("true");
    assertThat(text(configuration, "excludedScopes").split(","))
        .doesNotContain("compile", "runtime");
  }

  private static boolean passes(String... licences) {
    return Arrays.stream(licences)
        .map(name -> merges.getOrDefault(name, name))
        .anyMatch(allowed::contains);
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().trim());
    }
    return values;
  }

  /**
   * Section 2.2 of the third-party notice lists our own front-end files by hand: a Cockpit plugin
   * added later must be named there too, so the notice keeps telling which files are ours.
   */
  @Test
  void theNoticeNamesEveryCockpitPluginOfOurs() throws Exception {
    String notice =
        java.nio.file.Files.readString(java.nio.file.Path.of("src/license/third-party.ftl"))
            .replaceAll("\\s+", " ");
    File[] plugins = new File("src/main/resources/plugin-webapp").listFiles(File::isDirectory);
    assertThat(plugins).isNotEmpty();
    for (File plugin : plugins) {
      assertThat(notice)
          .as("the notice names " + plugin)
          .contains("plugin-webapp/" + plugin.getName());
    }
  }
}
