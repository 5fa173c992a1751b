// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams of bpmn/*.bpmn read cleanly: every flow node and sequence flow is drawn; every
 * branch leaving a decision (exclusive or inclusive gateway with more than one outgoing flow) has a
 * name and a label placed next to its first segment; no two flows run along the same line, not even
 * the branches of one fork (each leaves its gateway from its own corner or point); no two flows
 * cross (they may meet only where both end at one shape); no label is crossed by a flow, covers a
 * shape or another label. It checks the diagram interchange only, not how a viewer renders it. The
 * pictures in docs/bilder are made from the same files by lint/render (see docs/process.md).
 */
class DiagramLayoutTest {

  /**
   * How far (in diagram pixels) a branch label may be from its first segment and still read as its.
   */
  static final double LABEL_DISTANCE = 40;

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void diagramReadsCleanly(Path file) {
    assertThat(problems(Bpmn.readModelFromFile(file.toFile())))
        .as("layout problems in %s", file)
        .isEmpty();
  }

  /**
   * Each rule fires: on a small model the fluent builder lays out, then spoilt the ways issue #20
   * found.
   */
  @Test
  void findsUnlabelledBranchesSharedLinesAndCrossedLabels() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent("start")
            .exclusiveGateway("decide")
            .sequenceFlowId("yes")
            .condition("ja", "${ok}")
            .endEvent("endYes")
            .moveToLastGateway()
            .sequenceFlowId("no")
            .condition("nein", "${!ok}")
            .endEvent("endNo")
            .done();
    assertThat(problems(model))
        .contains(
            "yes (ja) has no label bounds in the diagram",
            "no (nein) has no label bounds in the diagram");

    BpmnEdge yes = edge(model, "yes");
    BpmnEdge no = edge(model, "no");
    List<Waypoint> along = new ArrayList<>(yes.getWaypoints());
    no.getWaypoints().clear();
    for (Waypoint point : along) {
      Waypoint copy = model.newInstance(Waypoint.class);
      copy.setX(point.getX());
      copy.setY(point.getY());
      no.getWaypoints().add(copy);
    }
    label(model, yes, along.get(0).getX() + 5, along.get(0).getY() - 7);
    label(model, no, along.get(0).getX() + 10, along.get(0).getY() + 60);
    assertThat(problems(model))
        .contains(
            "no and yes share " + Math.round(lengthOf(segments(yes))) + " px of one line",
            "label of yes is crossed by no")
        .anyMatch(
            problem -> problem.startsWith("label of no (nein) is 60 px from its first segment"));
  }

  /** Flows that cross are found; flows that end at the same point of one shape (a join) are not. */
  @Test
  void findsCrossingFlowsButNotFlowsMeetingAtAShape() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("p")
            .startEvent("start")
            .parallelGateway("fork")
            .sequenceFlowId("upper")
            .userTask("a")
            .sequenceFlowId("upperIn")
            .parallelGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .sequenceFlowId("lower")
            .userTask("b")
            .sequenceFlowId("lowerIn")
            .connectTo("join")
            .done();
    Rectangle2D a = bounds(model, "a");
    Rectangle2D b = bounds(model, "b");
    Rectangle2D join = bounds(model, "join");
    route(model, "upperIn", a.getMaxX(), a.getCenterY(), join.getMinX(), join.getCenterY());
    route(
        model,
        "lowerIn",
        b.getMaxX(),
        b.getCenterY(),
        join.getMinX() - 20,
        b.getCenterY(),
        join.getMinX(),
        join.getCenterY());
    assertThat(problems(model)).noneMatch(problem -> problem.contains(" cross"));

    double x = (a.getMaxX() + join.getMinX()) / 2;
    route(model, "lowerIn", b.getMaxX(), b.getCenterY(), x, b.getCenterY(), x, a.getMinY());
    assertThat(problems(model))
        .contains(String.format("lowerIn and upperIn cross at (%.0f, %.0f)", x, join.getCenterY()));
  }

  private static Rectangle2D bounds(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement().getId().equals(elementId))
        .map(shape -> rectangle(shape.getBounds()))
        .findFirst()
        .orElseThrow();
  }

  /** Replaces the waypoints of a flow's edge by the given x, y pairs. */
  private static void route(BpmnModelInstance model, String flowId, double... xy) {
    BpmnEdge edge = edge(model, flowId);
    edge.getWaypoints().clear();
    for (int i = 0; i < xy.length; i += 2) {
      Waypoint point = model.newInstance(Waypoint.class);
      point.setX(xy[i]);
      point.setY(xy[i + 1]);
      edge.getWaypoints().add(point);
    }
  }

  private static BpmnEdge edge(BpmnModelInstance model, String flowId) {
    return model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement().getId().equals(flowId))
        .findFirst()
        .orElseThrow();
  }

  private static void label(BpmnModelInstance model, BpmnEdge edge, double x, double y) {
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(x);
    bounds.setY(y);
    bounds.setWidth(30);
    bounds.setHeight(14);
    BpmnLabel label = model.newInstance(BpmnLabel.class);
    label.setBounds(bounds);
    edge.setBpmnLabel(label);
  }

  private static double lengthOf(List<Line2D> segments) {
    return segments.stream().mapToDouble(s -> s.getP1().distance(s.getP2())).sum();
  }

  /** Every layout problem of one model, as readable lines; empty when the diagram is clean. */
  static List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    Map<String, BpmnShape> shapes = new HashMap<>();
    Map<String, BpmnEdge> edges = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape);
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      edges.put(edge.getBpmnElement().getId(), edge);
    }

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.containsKey(node.getId())) {
        problems.add(node.getId() + " has no shape in the diagram");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = edges.get(flow.getId());
      if (edge == null || edge.getWaypoints().size() < 2) {
        problems.add(flow.getId() + " has no edge (with at least two waypoints) in the diagram");
      }
    }

    // every branch of a decision: a name and a label next to its own first segment
    for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
      boolean decision = gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway;
      if (!decision || gateway.getOutgoing().size() < 2) {
        continue;
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        if (flow.getName() == null || flow.getName().isBlank()) {
          problems.add(flow.getId() + " leaves decision " + gateway.getId() + " without a name");
          continue;
        }
        BpmnEdge edge = edges.get(flow.getId());
        Rectangle2D label = edge == null ? null : labelBounds(edge.getBpmnLabel());
        if (label == null) {
          problems.add(
              flow.getId() + " (" + flow.getName() + ") has no label bounds in the diagram");
          continue;
        }
        List<Line2D> segments = segments(edge);
        double distance = distance(label, segments.get(0));
        if (distance > LABEL_DISTANCE) {
          problems.add(
              String.format(
                  "label of %s (%s) is %.0f px from its first segment",
                  flow.getId(), flow.getName(), distance));
        }
      }
    }

    // no two flows along the same line, not even the branches of one fork; no two flows crossing
    List<BpmnEdge> edgeList = new ArrayList<>(edges.values());
    edgeList.sort((a, b) -> a.getBpmnElement().getId().compareTo(b.getBpmnElement().getId()));
    for (int i = 0; i < edgeList.size(); i++) {
      for (int j = i + 1; j < edgeList.size(); j++) {
        BpmnEdge first = edgeList.get(i);
        BpmnEdge second = edgeList.get(j);
        String names = first.getBpmnElement().getId() + " and " + second.getBpmnElement().getId();
        double shared = sharedLength(segments(first), segments(second));
        if (shared > 1) {
          problems.add(String.format("%s share %.0f px of one line", names, shared));
        }
        Point2D crossing = crossing(first, second);
        if (crossing != null) {
          problems.add(
              String.format("%s cross at (%.0f, %.0f)", names, crossing.getX(), crossing.getY()));
        }
      }
    }

    // labels of flows: crossed by no other flow, covering no shape but their own source
    for (BpmnEdge edge : edgeList) {
      Rectangle2D label = labelBounds(edge.getBpmnLabel());
      if (label == null) {
        continue;
      }
      BaseElement flowElement = edge.getBpmnElement();
      String own = flowElement.getId();
      String source = flowElement instanceof SequenceFlow flow ? flow.getSource().getId() : null;
      checkLabel(problems, "label of " + own, label, own, source, edges, shapes);
    }
    // labels of shapes (events, gateways): crossed by no flow, covering no other shape
    for (BpmnShape shape : shapes.values()) {
      Rectangle2D label = labelBounds(shape.getBpmnLabel());
      if (label != null) {
        String own = shape.getBpmnElement().getId();
        checkLabel(problems, "label of " + own, label, null, own, edges, shapes);
      }
    }
    // no label on top of another
    Map<String, Rectangle2D> labels = new TreeMap<>();
    edges.forEach((id, edge) -> putLabel(labels, id, edge.getBpmnLabel()));
    shapes.forEach((id, shape) -> putLabel(labels, id, shape.getBpmnLabel()));
    List<Map.Entry<String, Rectangle2D>> all = new ArrayList<>(labels.entrySet());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        if (shrink(all.get(i).getValue()).intersects(all.get(j).getValue())) {
          problems.add(
              "labels of " + all.get(i).getKey() + " and " + all.get(j).getKey() + " overlap");
        }
      }
    }
    return problems;
  }

  private static void putLabel(Map<String, Rectangle2D> labels, String id, BpmnLabel label) {
    Rectangle2D bounds = labelBounds(label);
    if (bounds != null) {
      labels.put(id, bounds);
    }
  }

  /**
   * Where two flows cross or touch, or null: a point where both end at the same shape (two flows
   * into one join) does not count, and segments along one line are left to {@link #sharedLength}.
   */
  static Point2D crossing(BpmnEdge first, BpmnEdge second) {
    for (Line2D a : segments(first)) {
      for (Line2D b : segments(second)) {
        if (!a.intersectsLine(b) || overlap(a, b) > 1) {
          continue;
        }
        for (Point2D point : meetingPoints(a, b)) {
          if (!endAtOneShape(point, first, second)) {
            return point;
          }
        }
      }
    }
    return null;
  }

  /** The point where two intersecting segments meet (their touching end points if parallel). */
  private static List<Point2D> meetingPoints(Line2D a, Line2D b) {
    double dxa = a.getX2() - a.getX1();
    double dya = a.getY2() - a.getY1();
    double dxb = b.getX2() - b.getX1();
    double dyb = b.getY2() - b.getY1();
    double denominator = dxa * dyb - dya * dxb;
    if (Math.abs(denominator) < 1e-9) {
      return Stream.of(a.getP1(), a.getP2(), b.getP1(), b.getP2())
          .filter(point -> a.ptSegDist(point) < 0.5 && b.ptSegDist(point) < 0.5)
          .toList();
    }
    double t = ((b.getX1() - a.getX1()) * dyb - (b.getY1() - a.getY1()) * dxb) / denominator;
    return List.of(new Point2D.Double(a.getX1() + t * dxa, a.getY1() + t * dya));
  }

  /** Whether both flows end (or start) at this point, at the same element. */
  private static boolean endAtOneShape(Point2D point, BpmnEdge first, BpmnEdge second) {
    List<String> firstAt = endsAt(point, first);
    return endsAt(point, second).stream().anyMatch(firstAt::contains);
  }

  /** The ids of the elements a flow starts or ends at, where its first or last waypoint is here. */
  private static List<String> endsAt(Point2D point, BpmnEdge edge) {
    List<String> elements = new ArrayList<>();
    if (edge.getBpmnElement() instanceof SequenceFlow flow) {
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      if (near(point, points.get(0))) {
        elements.add(flow.getSource().getId());
      }
      if (near(point, points.get(points.size() - 1))) {
        elements.add(flow.getTarget().getId());
      }
    }
    return elements;
  }

  private static boolean near(Point2D point, Waypoint waypoint) {
    return point.distance(waypoint.getX(), waypoint.getY()) < 0.5;
  }

  private static void checkLabel(
      List<String> problems,
      String what,
      Rectangle2D label,
      String ownEdge,
      String ownShape,
      Map<String, BpmnEdge> edges,
      Map<String, BpmnShape> shapes) {
    Rectangle2D inner = shrink(label);
    edges.forEach(
        (id, edge) -> {
          if (!id.equals(ownEdge)
              && segments(edge).stream().anyMatch(segment -> segment.intersects(inner))) {
            problems.add(what + " is crossed by " + id);
          }
        });
    shapes.forEach(
        (id, shape) -> {
          if (id.equals(ownShape)) {
            return;
          }
          Rectangle2D bounds = rectangle(shape.getBounds());
          boolean container =
              shape.getBpmnElement() instanceof SubProcess
                  && Boolean.TRUE.equals(shape.isExpanded());
          boolean hit =
              container
                  ? border(bounds).stream().anyMatch(line -> line.intersects(inner))
                  : bounds.intersects(inner);
          if (hit) {
            problems.add(what + " covers the shape of " + id);
          }
        });
  }

  static List<Line2D> segments(BpmnEdge edge) {
    List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
    List<Line2D> segments = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      segments.add(
          new Line2D.Double(
              points.get(i - 1).getX(),
              points.get(i - 1).getY(),
              points.get(i).getX(),
              points.get(i).getY()));
    }
    return segments;
  }

  /**
   * The total length along which two polylines run on the same line, common end points not counted.
   */
  static double sharedLength(List<Line2D> first, List<Line2D> second) {
    double shared = 0;
    for (Line2D a : first) {
      for (Line2D b : second) {
        shared += overlap(a, b);
      }
    }
    return shared;
  }

  private static double overlap(Line2D a, Line2D b) {
    double dx = a.getX2() - a.getX1();
    double dy = a.getY2() - a.getY1();
    double length = Math.hypot(dx, dy);
    if (length == 0) {
      return 0;
    }
    // both end points of b on the line through a (within half a pixel)?
    if (a.ptLineDist(b.getP1()) > 0.5 || a.ptLineDist(b.getP2()) > 0.5) {
      return 0;
    }
    double t1 = ((b.getX1() - a.getX1()) * dx + (b.getY1() - a.getY1()) * dy) / length;
    double t2 = ((b.getX2() - a.getX1()) * dx + (b.getY2() - a.getY1()) * dy) / length;
    double from = Math.max(0, Math.min(t1, t2));
    double to = Math.min(length, Math.max(t1, t2));
    return Math.max(0, to - from);
  }

  private static double distance(Rectangle2D rectangle, Line2D segment) {
    if (segment.intersects(rectangle)) {
      return 0;
    }
    double distance = Double.MAX_VALUE;
    for (Line2D side : border(rectangle)) {
      distance =
          Math.min(
              distance,
              Math.min(
                  Math.min(segment.ptSegDist(side.getP1()), segment.ptSegDist(side.getP2())),
                  Math.min(side.ptSegDist(segment.getP1()), side.ptSegDist(segment.getP2()))));
    }
    return distance;
  }

  private static List<Line2D> border(Rectangle2D r) {
    return List.of(
        new Line2D.Double(r.getMinX(), r.getMinY(), r.getMaxX(), r.getMinY()),
        new Line2D.Double(r.getMaxX(), r.getMinY(), r.getMaxX(), r.getMaxY()),
        new Line2D.Double(r.getMaxX(), r.getMaxY(), r.getMinX(), r.getMaxY()),
        new Line2D.Double(r.getMinX(), r.getMaxY(), r.getMinX(), r.getMinY()));
  }

  private static Rectangle2D labelBounds(BpmnLabel label) {
    return label == null || label.getBounds() == null ? null : rectangle(label.getBounds());
  }

  private static Rectangle2D rectangle(Bounds bounds) {
    return new Rectangle2D.Double(
        bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
  }

  /** A label may touch a line or a shape at its rim; only what reaches inside it counts. */
  private static Rectangle2D shrink(Rectangle2D r) {
    return new Rectangle2D.Double(r.getX() + 1, r.getY() + 1, r.getWidth() - 2, r.getHeight() - 2);
  }
}
