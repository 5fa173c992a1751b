// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.testing.ApplicationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * How part 4 launches the bare Camunda + Spring Boot application ({@code
 * de.ksi.benchmark.bare.BareCamundaApplication}): as ours is launched, with {@code java -jar} on a
 * packaged Spring Boot jar (docs/operations.md), so that both pay the same nested-jar loading. The
 * bare jar is made from ours: the same launcher, the same {@code BOOT-INF/lib} (every library, byte
 * for byte, stored as Spring Boot stores them) and classpath index, but in {@code BOOT-INF/classes}
 * only the bare application's class and the same-shape baseline's models from {@code
 * target/test-classes}; none of our code, configuration (application.yaml) or migrations.
 */
final class BareApplication {

  private static final String MAIN = "de.ksi.benchmark.bare.BareCamundaApplication";
  private static final String CLASSES = "BOOT-INF/classes/";
  private static final Path TEST_CLASSES = Paths.get("target", "test-classes");

  private final Path jar;
  private final int libraries;

  private BareApplication(Path jar, int libraries) {
    this.jar = jar;
    this.libraries = libraries;
  }

  /** Writes {@code target/bare-camunda.jar} from the packaged jar and the test classes. */
  static BareApplication fromPackagedJar() {
    Path ours = ApplicationProcess.applicationJar();
    Path bare = Paths.get("target", "bare-camunda.jar");
    List<String> own = new ArrayList<>();
    own.add(MAIN.replace('.', '/') + ".class");
    own.addAll(BaselineLifecycle.RESOURCES);
    int libraries = 0;
    try (JarFile source = new JarFile(ours.toFile());
        JarOutputStream target =
            new JarOutputStream(Files.newOutputStream(bare), manifest(source.getManifest()))) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith("org/springframework/boot/loader/")
            || name.startsWith("BOOT-INF/lib/")
            || name.equals("BOOT-INF/classpath.idx")
            || name.equals("BOOT-INF/layers.idx")) {
          if (name.startsWith("BOOT-INF/lib/") && !entry.isDirectory()) {
            libraries++;
          }
          try (InputStream in = source.getInputStream(entry)) {
            copy(target, entry, in);
          }
        }
      }
      // directories too: the launcher finds BOOT-INF/classes/ and the packages by their entries
      java.util.Set<String> directories = new java.util.TreeSet<>();
      for (String resource : own) {
        for (int slash = resource.indexOf('/');
            slash >= 0;
            slash = resource.indexOf('/', slash + 1)) {
          directories.add(resource.substring(0, slash + 1));
        }
      }
      target.putNextEntry(new JarEntry(CLASSES));
      target.closeEntry();
      for (String directory : directories) {
        target.putNextEntry(new JarEntry(CLASSES + directory));
        target.closeEntry();
      }
      for (String resource : own) {
        try (InputStream in = Files.newInputStream(TEST_CLASSES.resolve(resource))) {
          copy(target, new JarEntry(CLASSES + resource), in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + bare, e);
    }
    return new BareApplication(bare, libraries);
  }

  /** Ours' manifest, with the bare application as the class the launcher starts. */
  private static Manifest manifest(Manifest ours) {
    Manifest manifest = new Manifest(ours);
    Attributes main = manifest.getMainAttributes();
    main.putValue("Start-Class", MAIN);
    main.remove(new Attributes.Name("Implementation-Title"));
    main.remove(new Attributes.Name("Implementation-Version"));
    return manifest;
  }

  /**
   * One entry as the source had it: stored entries (the nested jars, which Spring Boot's loader
   * reads in place) stay stored with their size and checksum, the others are compressed anew.
   */
  private static void copy(JarOutputStream target, JarEntry entry, InputStream in)
      throws IOException {
    JarEntry copy = new JarEntry(entry.getName());
    if (entry.getMethod() == ZipEntry.STORED) {
      copy.setMethod(ZipEntry.STORED);
      copy.setSize(entry.getSize());
      copy.setCompressedSize(entry.getSize());
      copy.setCrc(entry.getCrc());
    }
    if (entry.getLastModifiedTime() != null) {
      copy.setLastModifiedTime(entry.getLastModifiedTime());
    }
    target.putNextEntry(copy);
    in.transferTo((OutputStream) target);
    target.closeEntry();
  }

  /**
   * A launch on the given database: its own name, Flyway with no migrations, history full,
   * authorization on (as ours), the same-shape baseline's models deployed (ours deploys its own),
   * readiness probes on.
   */
  ApplicationProcess.Builder builder(String name, String jdbcUrl, String user) {
    return ApplicationProcess.builder(name)
        .jar(jar)
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
            BaselineLifecycle.RESOURCES.stream()
                .map(resource -> "classpath:" + resource)
                .collect(java.util.stream.Collectors.joining(",")));
  }

  /** For the table's note: what the bare application's jar holds. */
  String describe() {
    return "The bare application (de.ksi.benchmark.bare.BareCamundaApplication: auto-configuration,"
        + " a security rule that lets the readiness probe in and Camunda's HTTP Basic filter on"
        + " /engine-rest, nothing else) runs, like ours,"
        + " with java -jar from a packaged Spring Boot jar (nested jars), made from ours: the same"
        + " launcher and all "
        + libraries
        + " libraries, so the same starters, but without our classes, application.yaml and"
        + " migrations; it deploys the same-shape baseline's three processes and two decisions,"
        + " history full, authorization on, Flyway on with no migrations, its own H2 file database"
        + " or throwaway"
        + " PostgreSQL database, the same heap limit, no demo data.";
  }
}
