// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source file we own names its licence, {@code SPDX-License-Identifier: EUPL-1.2}, in its
 * first lines; {@code .ci/spdx-headers} adds the line where it is missing and keeps the same list
 * of file types.
 */
class LicenceHeadersTest {

  static final String IDENTIFIER = "SPDX-License-Identifier: EUPL-1.2";

  /** Where our files are; node_modules and target hold other people's files and build output. */
  static final List<String> ROOTS = List.of("src", "lint", ".ci", "pom.xml");

  @Test
  void everySourceFileWeOwnCarriesTheEuplIdentifier() throws IOException {
    List<String> missing =
        sourceFiles().filter(file -> !hasHeader(file)).map(Path::toString).sorted().toList();

    assertThat(missing)
        .as("files without '%s' in their first lines: run .ci/spdx-headers", IDENTIFIER)
        .isEmpty();
  }

  @Test
  void javaFilesCarryItAsTheirFirstLine() throws IOException {
    List<String> notFirst =
        sourceFiles()
            .filter(file -> file.toString().endsWith(".java"))
            .filter(file -> !firstLines(file, 1).equals(List.of("// " + IDENTIFIER)))
            .map(Path::toString)
            .toList();

    assertThat(notFirst).isEmpty();
  }

  @Test
  void theCheckSeesTheFileTypesWeWrite() throws IOException {
    List<Path> checked = sourceFiles().toList();

    assertThat(checked)
        .extracting(LicenceHeadersTest::extension)
        .contains(".java", ".js", ".css", ".html", ".xml", ".yaml", ".properties", ".ftl", "");
    assertThat(checked).contains(Path.of(".ci", "run"), Path.of("lint", "run"), Path.of("pom.xml"));
  }

  /**
   * The files that must carry the header: those whose type has comments. Not checked, on purpose:
   * Flyway migrations (*.sql; a changed file changes its checksum and Flyway refuses every database
   * that applied it), BPMN and DMN (Camunda Modeler drops XML comments on save, and a changed model
   * is deployed as a new version), forms and other JSON (no comments), documentation and pictures.
   */
  static Stream<Path> sourceFiles() throws IOException {
    Stream<Path> all = Stream.empty();
    for (String root : ROOTS) {
      all = Stream.concat(all, walk(Path.of(root)).stream());
    }
    return all.filter(file -> comment(file).isPresent());
  }

  /** The comment syntax of a file that takes a header; empty for a file that takes none. */
  static Optional<String> comment(Path file) {
    return switch (extension(file)) {
      case ".java", ".js" -> Optional.of("//");
      case ".css" -> Optional.of("/*");
      case ".html", ".xml" -> Optional.of("<!--");
      case ".ftl" -> Optional.of("<#--");
      case ".properties", ".yaml", ".yml", ".sh" -> Optional.of("#");
      case "" ->
          file.toString().contains("META-INF/services/") || startsWithShebang(file)
              ? Optional.of("#")
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot);
  }

  private static boolean hasHeader(Path file) {
    return firstLines(file, 3).stream().anyMatch(line -> line.contains(IDENTIFIER));
  }

  private static boolean startsWithShebang(Path file) {
    return firstLines(file, 1).stream().anyMatch(line -> line.startsWith("#!"));
  }

  private static List<String> firstLines(Path file, int count) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.limit(count).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static List<Path> walk(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/target/"))
          .toList();
    }
  }
}
