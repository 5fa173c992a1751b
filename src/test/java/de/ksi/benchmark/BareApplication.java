// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApplicationProcess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How part 4 launches the bare Camunda + Spring Boot application ({@code
 * de.ksi.benchmark.bare.BareCamundaApplication}): the packaged jar's libraries, taken from the
 * benchmark's own classpath (the local Maven repository), and {@code target/test-classes} for its
 * one class and the baseline's models; not {@code target/classes}, so none of our code,
 * configuration or migrations.
 */
final class BareApplication {

  private static final String MAIN = "de.ksi.benchmark.bare.BareCamundaApplication";
  private static final Pattern INDEXED = Pattern.compile("- \"BOOT-INF/lib/(.+)\"");

  private final String classpath;
  private final int libraries;
  private final Set<String> missing;

  private BareApplication(String classpath, int libraries, Set<String> missing) {
    this.classpath = classpath;
    this.libraries = libraries;
    this.missing = missing;
  }

  /** The jar's libraries as found on this JVM's classpath (the benchmark runs on the test one). */
  static BareApplication fromTestClasspath() {
    Set<String> inJar = libraries(ApplicationProcess.applicationJar());
    Set<String> missing = new TreeSet<>(inJar);
    List<String> chosen = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Paths.get(entry);
      if (path.endsWith(Paths.get("target", "test-classes"))) {
        chosen.add(entry);
      } else if (path.getFileName() != null && missing.remove(inJar(path, missing))) {
        chosen.add(entry);
      }
    }
    return new BareApplication(String.join(File.pathSeparator, chosen), inJar.size(), missing);
  }

  /**
   * A launch on the given database: its own name, Flyway with no migrations, history full,
   * authorization on (as ours), the same-shape baseline's models deployed (ours deploys its own),
   * readiness probes on.
   */
  ApplicationProcess.Builder builder(String name, String jdbcUrl, String user) {
    return ApplicationProcess.builder(name)
        .mainClass(MAIN, classpath)
        .property("spring.application.name", "bare-camunda")
        .property("spring.datasource.url", jdbcUrl)
        .property("spring.datasource.username", user)
        .property("spring.datasource.password", "")
        .property("spring.flyway.locations", "classpath:bare-benchmark/no-migrations")
        .property("management.endpoint.health.probes.enabled", "true")
        .property("camunda.bpm.history-level", "full")
        .property("camunda.bpm.authorization.enabled", "true")
        .property(
            "camunda.bpm.deployment-resource-pattern",
            // the baseline's files by name: a pattern would also take a model left in
            // target/test-classes by an older build
            BaselineLifecycle.RESOURCES.stream()
                .map(resource -> "classpath:" + resource)
                .collect(java.util.stream.Collectors.joining(",")));
  }

  /** For the table's note: what the bare application's classpath holds. */
  String describe() {
    return "The bare application (de.ksi.benchmark.bare.BareCamundaApplication: auto-configuration,"
        + " a security rule that lets the readiness probe in and Camunda's HTTP Basic filter on"
        + " /engine-rest, nothing else) runs on the "
        + (libraries - missing.size())
        + " of the packaged jar's "
        + libraries
        + " libraries that the test classpath holds"
        + (missing.isEmpty() ? "" : " (not found: " + String.join(", ", missing) + ")")
        + ", so with the same starters, but without our classes, application.yaml and"
        + " migrations; it deploys the same-shape baseline's three processes and two decisions,"
        + " history full, authorization on, Flyway on with no migrations, its own H2 file database or throwaway"
        + " PostgreSQL database, the same heap limit, no demo data. Ours runs from the packaged"
        + " jar (nested jars), the bare application from a flat classpath.";
  }

  /**
   * The name a library on the classpath has in the jar: its file name, or, where two libraries
   * share one, the group id before it ({@code com.sun.xml.bind-jaxb-core-4.0.6.jar}).
   */
  private static String inJar(Path library, Set<String> names) {
    String file = library.getFileName().toString();
    if (names.contains(file)) {
      return file;
    }
    String path = library.toString().replace(File.separatorChar, '/');
    for (String name : names) {
      if (name.endsWith("-" + file)) {
        String group = name.substring(0, name.length() - file.length() - 1);
        if (path.contains("/" + group.replace('.', '/') + "/")) {
          return name;
        }
      }
    }
    return file;
  }

  private static Set<String> libraries(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry index = file.getJarEntry("BOOT-INF/classpath.idx");
      if (index == null) {
        throw new IllegalStateException(jar + " has no BOOT-INF/classpath.idx");
      }
      Set<String> names = new LinkedHashSet<>();
      try (InputStream in = file.getInputStream(index)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          Matcher matcher = INDEXED.matcher(line.trim());
          // the jar's own tools (java -Djarmode=tools), not on the application's classpath
          if (matcher.matches() && !matcher.group(1).startsWith("spring-boot-jarmode-")) {
            names.add(matcher.group(1));
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }
}
