// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.intake.CaseFacts;
import de.ksi.network.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The BPMN, its diagram and its forms agree with the contract in {@link DutiesProcess}. */
class DutiesModelTest {

  private static final Pattern EXPRESSION_NAME = Pattern.compile("\\$\\{!?([A-Za-z]+)");
  private static final Pattern READABLE_ID =
      Pattern.compile(
          "(StartEvent|EndEvent|Task|Gateway|BoundaryEvent|TimerEvent|Flow)_[A-Z][A-Za-z]+");

  private static String xml;
  private static BpmnModelInstance model;
  private static Map<String, JsonNode> forms;

  @BeforeAll
  static void readModelAndForms() throws IOException {
    try (InputStream in = new ClassPathResource(DutiesProcess.RESOURCE).getInputStream()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    model =
        Bpmn.readModelFromStream(new ClassPathResource(DutiesProcess.RESOURCE).getInputStream());
    Bpmn.validateModel(model);
    forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Resource form :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:forms/pflichten-*.form")) {
      try (InputStream in = form.getInputStream()) {
        forms.put(form.getFilename(), json.readTree(in));
      }
    }
  }

  @Test
  void processCarriesTheContractAttributes() {
    Process process = model.getModelElementById(DutiesProcess.KEY);

    assertThat(process.getName()).isEqualTo("Rechtliche Pflichten der Inobhutnahme");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
  }

  @Test
  void everyUserTaskHasADeployedFormAndACandidateGroup() {
    Map<String, String> formIds = formIdsByFile();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(formIds.values());
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroups())
          .as(task.getId())
          .isIn("${caseFacts.officeGroup(execution)}", Groups.COORDINATORS);
    }
  }

  @Test
  void everyFormIsNamedByItsIdUsedByATaskAndDeclaredInTheContract() {
    Set<String> usedFormRefs =
        model.getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getCamundaFormRef)
            .collect(Collectors.toSet());
    Set<String> declaredFormIds = constants(DutiesProcess.Forms.class);

    formIdsByFile()
        .forEach(
            (file, id) -> {
              assertThat(file).isEqualTo(id + ".form");
              assertThat(forms.get(file).path("schemaVersion").asInt()).as(file).isEqualTo(16);
              assertThat(usedFormRefs).as("forms used by a task").contains(id);
              assertThat(declaredFormIds).as("DutiesProcess.Forms").contains(id);
            });
    assertThat(forms.keySet()).hasSameSizeAs(declaredFormIds);
  }

  @Test
  void everyFormFieldKeyIsADeclaredProcessVariable() {
    Set<String> variables = constants(DutiesProcess.Variables.class);
    forms.forEach(
        (file, form) -> {
          List<String> keys = new ArrayList<>();
          form.findValues("key").forEach(key -> keys.add(key.asText()));
          assertThat(keys).as(file).isNotEmpty();
          assertThat(variables).as("keys of " + file).containsAll(keys);
        });
  }

  @Test
  void everyExpressionReadsADeclaredVariableOrBean() {
    Set<String> known = constants(DutiesProcess.Variables.class);
    known.addAll(constants(DutiesProcess.Beans.class));
    known.add("true");
    known.add(CaseFacts.BEAN);
    known.add(DutyFacts.BEAN);
    Matcher names = EXPRESSION_NAME.matcher(xml);
    List<String> used = new ArrayList<>();
    while (names.find()) {
      used.add(names.group(1));
    }

    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  @Test
  void everyElementHasAReadableIdAndEveryDeclaredIdExists() {
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      assertThat(element.getId()).matches(READABLE_ID);
    }
    for (String id : constants(DutiesProcess.Elements.class)) {
      assertThat((BaseElement) model.getModelElementById(id)).as(id).isNotNull();
    }
  }

  @Test
  void theDiagramShowsEveryElementWithoutOverlaps() {
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of " + node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = flow.getDiagramElement();
      assertThat(edge).as("edge of " + flow.getId()).isNotNull();
      assertThat(edge.getWaypoints())
          .as("waypoints of " + flow.getId())
          .hasSizeGreaterThanOrEqualTo(2);
    }
    List<String> free = new ArrayList<>(shapes.keySet());
    free.removeIf(id -> model.getModelElementById(id) instanceof BoundaryEvent);
    for (int i = 0; i < free.size(); i++) {
      for (int j = i + 1; j < free.size(); j++) {
        assertThat(overlap(shapes.get(free.get(i)), shapes.get(free.get(j))))
            .as(free.get(i) + " overlaps " + free.get(j))
            .isFalse();
      }
    }
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  private static Map<String, String> formIdsByFile() {
    Map<String, String> ids = new HashMap<>();
    forms.forEach((file, form) -> ids.put(file, form.path("id").asText()));
    return ids;
  }

  private static Set<String> constants(Class<?> holder) {
    return Arrays.stream(holder.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(DutiesModelTest::value)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
