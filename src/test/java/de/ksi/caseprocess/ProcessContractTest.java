// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.EmergencyMeasure;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The BPMN files, the Camunda Forms and the process contract in Java agree: every formRef has a
 * form, every form field and every variable an expression reads is declared in the contract, and
 * every delegate expression names a delegate bean of ours of the kind its place needs.
 */
class ProcessContractTest {

  /**
   * The contract classes: their String constants (nested classes included) are the declared names.
   */
  static final List<Class<?>> CONTRACTS = List.of(CaseProcess.class, DutiesProcess.class);

  /**
   * Names expressions may use that are not variables: engine built-ins (among them the transient
   * {@code decisionResult} a business rule task's output mapping reads).
   */
  static final Set<String> BUILT_INS =
      Set.of(
          "execution",
          de.ksi.intake.CaseFacts.BEAN,
          SearchFacts.BEAN,
          de.ksi.deadlines.DutyFacts.BEAN,
          "task",
          "dateTime",
          "loopCounter",
          "true",
          "false",
          "null",
          "nrOfInstances",
          "nrOfActiveInstances",
          "nrOfCompletedInstances",
          "decisionResult",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne");

  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.'\\w])([a-zA-Z_]\\w*)(?![\\w'(])");
  private static final Pattern IN_OUT_SOURCE =
      Pattern.compile("camunda:(?:in|out) source=\"([^\"]+)\"");

  /** A delegate expression and what carries it: an execution or task listener, or else a task. */
  private static final Pattern DELEGATE =
      Pattern.compile(
          "(?:<camunda:(executionListener|taskListener) |(camunda:(?:variableMapping)?))[dD]elegateExpression=\"\\$\\{(\\w+)}\"");

  private final ObjectMapper json = new ObjectMapper();

  /**
   * {@code outcome == 'X'}, {@code ${'X'}} into searchScope and the like, as the models write them.
   */
  private static final Pattern COMPARED =
      Pattern.compile("\\b(outcome|decision|searchScope) *[!=]= *'(\\w+)'");

  private static final Pattern SCOPE_INPUT =
      Pattern.compile("sourceExpression=\"\\$\\{'(\\w+)'}\" target=\"searchScope\"");

  /**
   * The domain values the code reads as enums (how a case ends, the emergency measure, the
   * provider's answer, the search's scope) are exactly the options the forms offer and the values
   * the models compare and set: a process owner who adds an option in a form, or a developer who
   * adds a constant, sees this fail.
   */
  @Test
  void theFormsOptionsAndTheModelsValuesAreTheContractsEnums() throws IOException {
    Map<String, JsonNode> forms = forms();
    assertThat(options(forms.get("form-beendigung"), CaseProcess.Vars.OUTCOME))
        .containsExactlyInAnyOrderElementsOf(names(CaseOutcome.values()));
    assertThat(options(forms.get("form-stufe2"), CaseProcess.Vars.EMERGENCY_MEASURE))
        .containsExactlyInAnyOrderElementsOf(names(EmergencyMeasure.values()));
    assertThat(options(forms.get("form-platzanfrage"), CaseProcess.Vars.DECISION))
        .containsExactlyInAnyOrderElementsOf(names(CaseProcess.Decision.values()));
    Map<String, Set<String>> allowed =
        Map.of(
            "outcome", Set.copyOf(names(CaseOutcome.values())),
            "decision", Set.copyOf(names(CaseProcess.Decision.values())),
            "searchScope", Set.copyOf(names(CaseProcess.SearchScope.values())));
    Set<String> scopes = new HashSet<>();
    for (Path bpmn : files("bpmn", ".bpmn")) {
      String xml = unescape(Files.readString(bpmn));
      Matcher compared = COMPARED.matcher(xml);
      while (compared.find()) {
        assertThat(allowed.get(compared.group(1)))
            .as(bpmn + ": " + compared.group())
            .contains(compared.group(2));
      }
      Matcher scope = SCOPE_INPUT.matcher(xml);
      while (scope.find()) {
        scopes.add(scope.group(1));
      }
    }
    assertThat(scopes).containsExactlyInAnyOrderElementsOf(allowed.get("searchScope"));
  }

  private static List<String> options(JsonNode form, String key) {
    assertThat(form).as("form with the field " + key).isNotNull();
    List<String> values = new ArrayList<>();
    collectOptions(form.path("components"), key, values);
    assertThat(values).as("options of " + key).isNotEmpty();
    return values;
  }

  private static void collectOptions(JsonNode components, String key, List<String> values) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(v -> values.add(v.path("value").asText()));
      }
      collectOptions(component.path("components"), key, values);
    }
  }

  private static List<String> names(Enum<?>[] constants) {
    return java.util.Arrays.stream(constants).map(Enum::name).toList();
  }

  @Test
  void everyFormRefResolvesToAFormInForms() throws IOException {
    Set<String> formIds = forms().keySet();
    for (Path bpmn : files("bpmn", ".bpmn")) {
      Matcher m = FORM_REF.matcher(Files.readString(bpmn));
      while (m.find()) {
        assertThat(formIds)
            .as("formRef %s in %s", m.group(1), bpmn.getFileName())
            .contains(m.group(1));
      }
    }
  }

  @Test
  void everyFormFieldKeyIsADeclaredProcessVariable() throws IOException {
    Set<String> declared = declaredNames();
    forms()
        .forEach(
            (id, form) ->
                keys(form.path("components"))
                    .forEach(
                        key ->
                            assertThat(declared).as("field %s of form %s", key, id).contains(key)));
  }

  @Test
  void everyVariableTheBpmnReadsIsDeclared() throws IOException {
    Set<String> declared = declaredNames();
    for (Path bpmn : files("bpmn", ".bpmn")) {
      String xml = Files.readString(bpmn);
      Set<String> beans = new HashSet<>();
      Matcher delegates = DELEGATE.matcher(xml);
      while (delegates.find()) {
        beans.add(delegates.group(3));
      }
      Matcher expressions = EXPRESSION.matcher(xml);
      while (expressions.find()) {
        String body =
            unescape(expressions.group(1))
                .replaceAll("'[^']*'", "''")
                .replaceAll("\"[^\"]*\"", "''");
        Matcher ids = IDENTIFIER.matcher(body);
        while (ids.find()) {
          String name = ids.group(1);
          if (!BUILT_INS.contains(name) && !beans.contains(name)) {
            assertThat(declared)
                .as("variable %s read in %s: ${%s}", name, bpmn.getFileName(), expressions.group(1))
                .contains(name);
          }
        }
      }
      Matcher sources = IN_OUT_SOURCE.matcher(xml);
      while (sources.find()) {
        assertThat(declared)
            .as("mapped variable %s in %s", sources.group(1), bpmn.getFileName())
            .contains(sources.group(1));
      }
    }
  }

  @Test
  void everyDelegateExpressionNamesABeanOfOursOfTheRightKindAndNoClassNameIsUsed()
      throws IOException {
    Map<String, Class<?>> beans = delegateBeans();
    for (Path bpmn : files("bpmn", ".bpmn")) {
      String xml = Files.readString(bpmn);
      assertThat(xml)
          .as("%s names no Java class", bpmn.getFileName())
          .doesNotContain("camunda:class=");
      Matcher m = DELEGATE.matcher(xml);
      while (m.find()) {
        String name = m.group(3);
        Class<?> kind =
            "executionListener".equals(m.group(1))
                ? ExecutionListener.class
                : "taskListener".equals(m.group(1))
                    ? TaskListener.class
                    : "camunda:variableMapping".equals(m.group(2))
                        ? DelegateVariableMapping.class
                        : JavaDelegate.class;
        assertThat(beans)
            .as("%s: ${%s} is a bean of ours", bpmn.getFileName(), name)
            .containsKey(name);
        assertThat(kind.isAssignableFrom(beans.get(name)))
            .as(
                "%s: ${%s} (%s) is a %s",
                bpmn.getFileName(), name, beans.get(name).getSimpleName(), kind.getSimpleName())
            .isTrue();
      }
    }
  }

  /** The delegate beans of de.ksi by bean name, found as Spring's component scan finds them. */
  private static Map<String, Class<?>> delegateBeans() {
    var scan = new ClassPathScanningCandidateComponentProvider(true);
    var names = new AnnotationBeanNameGenerator();
    var registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition candidate : scan.findCandidateComponents("de.ksi")) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        if (JavaDelegate.class.isAssignableFrom(type)
            || ExecutionListener.class.isAssignableFrom(type)
            || TaskListener.class.isAssignableFrom(type)
            || DelegateVariableMapping.class.isAssignableFrom(type)) {
          beans.put(names.generateBeanName(candidate, registry), type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }

  private static String unescape(String xml) {
    return xml.replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&amp;", "&");
  }

  static Set<String> declaredNames() {
    Set<String> names = new HashSet<>();
    for (Class<?> contract : CONTRACTS) {
      collect(contract, names);
    }
    return names;
  }

  private static void collect(Class<?> type, Set<String> names) {
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          field.setAccessible(true);
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      collect(nested, names);
    }
  }

  private Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Path form : files("forms", ".form")) {
      JsonNode node = json.readTree(form.toFile());
      forms.put(node.path("id").asText(), node);
    }
    return forms;
  }

  private static List<String> keys(JsonNode components) {
    List<String> keys = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      keys.addAll(keys(component.path("components")));
    }
    return keys;
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
