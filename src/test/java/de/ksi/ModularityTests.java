// SPDX-License-Identifier: EUPL-1.2
package de.ksi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import de.ksi.testing.DocPictures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.JavaPackage;

/**
 * The application's modules (one top-level package each): no cycles between them and no use of
 * another module's internals, as Spring Modulith verifies; each module's API is small (a public
 * type is one another module uses, or one a framework needs public) and named in its {@code
 * package-info.java}; and the module diagram and the table of APIs in {@code docs/architecture.md}
 * are the ones the code has.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(KsiApplication.class);
  private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Set<String> IMPORTED_BY_OTHER_MODULES = importedByOtherModules();

  /**
   * Public for a framework, not for another module: Camunda finds the Cockpit plugins through
   * {@code META-INF/services} (ServiceLoader) and instantiates their JAX-RS root resources; Logback
   * instantiates the turbo filter named in {@code logback-spring.xml} through its public
   * constructor.
   */
  private static final Set<String> FRAMEWORK_ENTRY_POINTS =
      Set.of(
          "de.ksi.lagebild.LagebildCockpitPlugin",
          "de.ksi.lagebild.LagebildPluginRootResource",
          "de.ksi.planning.PlanningCockpitPlugin",
          "de.ksi.planning.PlanningPluginRootResource",
          "de.ksi.reporting.ReportingCockpitPlugin",
          "de.ksi.reporting.ReportingPluginRootResource",
          "de.ksi.statistics.StatisticsCockpitPlugin",
          "de.ksi.statistics.StatisticsPluginRootResource",
          "de.ksi.platform.RaceLogFilter",
          // the search model's expressions (${searchFacts.candidateGroup(execution)}) call its
          // methods through the engine's expression language, which needs a public type
          "de.ksi.caseprocess.SearchFacts",
          // the same for the duties model (${dutyFacts.informChildDue(execution)})
          "de.ksi.deadlines.DutyFacts");

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    MODULES.verify();
  }

  @Test
  void everyPublicTypeIsUsedByAnotherModuleOrNeededPublicByAFramework() {
    Set<String> publicButUnused =
        MODULES.stream()
            .flatMap(module -> publicTypes(module).stream().filter(t -> !usedByOthers(module, t)))
            .map(JavaClass::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(publicButUnused)
        .as(
            "public types no other module uses: make them package-private, or, if a framework needs"
                + " them public, add them to FRAMEWORK_ENTRY_POINTS with the reason")
        .containsExactlyInAnyOrderElementsOf(FRAMEWORK_ENTRY_POINTS);
  }

  @Test
  void everyModuleHasADisplayNameAndNamesItsPublicTypes() {
    for (ApplicationModule module : MODULES) {
      assertThat(
              module
                  .getBasePackage()
                  .getAnnotation(org.springframework.modulith.ApplicationModule.class)
                  .map(org.springframework.modulith.ApplicationModule::displayName))
          .as("@ApplicationModule(displayName) in %s", packageInfo(module))
          .hasValueSatisfying(name -> assertThat(name).isNotBlank());
      String javadoc = read(packageInfo(module)).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
      for (JavaClass type : publicTypes(module)) {
        assertThat(javadoc)
            .as(
                "the Javadoc of %s names the API type %s",
                packageInfo(module), type.getSimpleName())
            .containsPattern("\\{@link\\s+" + Pattern.quote(type.getSimpleName()) + "[}\\s]");
      }
    }
  }

  @Test
  void theArchitectureDocShowsTheModulesAsTheyAre() {
    showInArchitectureDoc("module diagram", mermaid());
  }

  @Test
  void theArchitectureDocListsEachModulesApi() {
    showInArchitectureDoc("module APIs", apiTable());
  }

  /** A Mermaid flowchart: a box per module, an arrow where a module uses another. */
  static String mermaid() {
    String edges =
        MODULES.stream()
            .sorted((a, b) -> a.getName().compareTo(b.getName()))
            .flatMap(
                module ->
                    module
                        .getDirectDependencies(MODULES)
                        .uniqueModules()
                        .map(ApplicationModule::getName)
                        .sorted()
                        .map(target -> "  " + module.getName() + " --> " + target))
            .collect(Collectors.joining("\n"));
    return "```mermaid\nflowchart LR\n" + edges + "\n```";
  }

  /** A Markdown table: per module its display name, its API and what is public for a framework. */
  static String apiTable() {
    String rows =
        MODULES.stream()
            .sorted((a, b) -> a.getName().compareTo(b.getName()))
            .map(
                module -> {
                  List<JavaClass> types = publicTypes(module);
                  return "| `%s` | %s | %s | %s |"
                      .formatted(
                          module.getName(),
                          module.getDisplayName(),
                          names(types.stream().filter(t -> !isFrameworkEntryPoint(t)).toList()),
                          names(
                              types.stream()
                                  .filter(ModularityTests::isFrameworkEntryPoint)
                                  .toList()));
                })
            .collect(Collectors.joining("\n"));
    return "| module | name | API (used by other modules) | public for a framework only |\n"
        + "| --- | --- | --- | --- |\n"
        + rows;
  }

  /** The module's public top-level types: its API as Java sees it. */
  private static List<JavaClass> publicTypes(ApplicationModule module) {
    return module.getBasePackage().stream()
        .filter(JavaClass::isTopLevelClass)
        .filter(type -> !JavaPackage.isPackageInfoType(type))
        .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
        .sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
        .toList();
  }

  /**
   * Whether code of another module depends on the type or on one of its nested types: in the
   * bytecode, or, for what the compiler leaves no trace of there (constants it inlines, exceptions
   * only caught), by an import in the other module's source.
   */
  private static boolean usedByOthers(ApplicationModule module, JavaClass type) {
    return IMPORTED_BY_OTHER_MODULES.contains(type.getName())
        || module.getBasePackage().stream()
            .filter(candidate -> topLevel(candidate).equals(type))
            .flatMap(nested -> nested.getDirectDependenciesToSelf().stream())
            .map(Dependency::getOriginClass)
            .anyMatch(
                origin ->
                    MODULES.getModuleByType(origin).filter(m -> !m.equals(module)).isPresent());
  }

  /**
   * The top-level types of {@code de.ksi.<module>} that a main source of another module imports.
   */
  private static Set<String> importedByOtherModules() {
    Pattern imports = Pattern.compile("(?m)^import (?:static )?de\\.ksi\\.(\\w+)\\.([A-Z]\\w*)");
    try (Stream<Path> files = Files.walk(SOURCES.resolve("de/ksi"))) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .flatMap(
              file -> {
                String module = file.getParent().getFileName().toString();
                return imports
                    .matcher(read(file))
                    .results()
                    .filter(found -> !found.group(1).equals(module))
                    .map(found -> "de.ksi." + found.group(1) + "." + found.group(2));
              })
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass top = type;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  private static boolean isFrameworkEntryPoint(JavaClass type) {
    return FRAMEWORK_ENTRY_POINTS.contains(type.getName());
  }

  private static String names(List<JavaClass> types) {
    return types.isEmpty()
        ? "–"
        : types.stream()
            .map(type -> "`" + type.getSimpleName() + "`")
            .collect(Collectors.joining(", "));
  }

  private static Path packageInfo(ApplicationModule module) {
    return SOURCES
        .resolve(module.getBasePackage().getName().replace('.', '/'))
        .resolve("package-info.java");
  }

  /**
   * Checks that the architecture doc shows {@code content} between the markers of {@code section},
   * or writes it there with {@code -Dksi.pictures=update}.
   */
  private static void showInArchitectureDoc(String section, String content) {
    String begin = "<!-- " + section + ": generated by ModularityTests -->";
    String end = "<!-- end of " + section + " -->";
    String doc = read(ARCHITECTURE);
    int from = doc.indexOf(begin);
    int to = doc.indexOf(end);
    assertThat(from).as("%s holds the marker %s", ARCHITECTURE, begin).isNotNegative();
    assertThat(to).as("%s holds the marker %s", ARCHITECTURE, end).isGreaterThan(from);
    String current = doc.substring(from + begin.length(), to);
    String wanted = "\n" + content + "\n";
    if (DocPictures.updating()) {
      write(doc.substring(0, from + begin.length()) + wanted + doc.substring(to));
      return;
    }
    assertThat(current)
        .as("the %s in %s (refresh it with -Dksi.pictures=update)", section, ARCHITECTURE)
        .isEqualTo(wanted);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String doc) {
    try {
      Files.writeString(ARCHITECTURE, doc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
