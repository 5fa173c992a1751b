// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import camundajar.impl.scala.util.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The FEEL engine Camunda 7 evaluates decision tables with (feel-scala), except that it parses each
 * expression once. Camunda's integration hands the engine the expression text on every evaluation,
 * and the engine parses it again each time (camunda/feel-scala#1149): in a profile of the HTTP load
 * that was a third of the CPU time of an intake, which evaluates two decision tables. A parsed
 * expression is an immutable syntax tree, evaluated against the context of each call, so one parse
 * serves every evaluation and thread.
 */
final class ParsedOnceFeelEngine extends FeelEngine {

  /**
   * The decision tables of all deployed versions hold far fewer distinct expressions; beyond this,
   * start afresh.
   */
  static final int MAX_EXPRESSIONS = 5_000;

  private final Map<String, Either<Failure, ParsedExpression>> expressions =
      new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests =
      new ConcurrentHashMap<>();

  /**
   * As Camunda builds its engine: the given functions and value mapping, no external (Java)
   * functions.
   */
  ParsedOnceFeelEngine(FunctionProvider functions, ValueMapper values) {
    super(functions, values, new Configuration(false), FeelEngine$.MODULE$.defaultClock());
  }

  @Override
  public Either<Failure, ParsedExpression> parseExpression(String expression) {
    return parsedOnce(expressions, expression, super::parseExpression);
  }

  @Override
  public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
    return parsedOnce(unaryTests, expression, super::parseUnaryTests);
  }

  /** How many distinct expressions and unary tests are held parsed. */
  int parsedExpressions() {
    return expressions.size() + unaryTests.size();
  }

  private static Either<Failure, ParsedExpression> parsedOnce(
      Map<String, Either<Failure, ParsedExpression>> parsed,
      String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    Either<Failure, ParsedExpression> known = parsed.get(expression);
    if (known != null) {
      return known;
    }
    if (parsed.size() >= MAX_EXPRESSIONS) {
      parsed.clear();
    }
    return parsed.computeIfAbsent(expression, parser);
  }
}
