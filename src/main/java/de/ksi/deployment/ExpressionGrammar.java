// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.deployment.JuelTokens.Kind;
import de.ksi.deployment.JuelTokens.Refused;
import de.ksi.deployment.JuelTokens.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only JUEL a deployed model may contain: references to our delegates by name, and conditions
 * over process variables with comparison and boolean operators and literals, plus five exactly
 * spelled forms (business key, a variable that may be unset, setting a variable to a literal, a
 * date some minutes ahead, a DMN result field). A recursive-descent parser over {@link JuelTokens};
 * anything it does not know is refused. The grammar is written out in docs/security.md ("Deployment
 * policy").
 */
final class ExpressionGrammar {

  /** Names the engine resolves to its own objects: reachable only through the exact forms below. */
  private static final Set<String> ENGINE_NAMES =
      Set.of(
          "execution",
          "task",
          "caseExecution",
          "externalTask",
          "variableScope",
          "decisionResult",
          "dateTime",
          "caseFacts",
          "searchFacts",
          "dutyFacts");

  /**
   * What the models may ask our tables, as {@code ${bean.name(execution)}}: the beans {@code
   * caseFacts} ({@code de.ksi.intake.CaseFacts}), {@code searchFacts} ({@code
   * de.ksi.caseprocess.SearchFacts}) and {@code dutyFacts} ({@code de.ksi.deadlines.DutyFacts})
   * and, for each, the methods that take the execution.
   */
  static final Map<String, Set<String>> FACTS =
      Map.of(
          "caseFacts",
          Set.of("officeGroup", "officeHeadGroup", "freedomRestriction", "unaccompanied"),
          "searchFacts",
          Set.of("candidateGroup", "responseDeadline", "providerGroup", "answerDue"),
          "dutyFacts",
          Set.of(
              "informChildDue",
              "informParentsDue",
              "guardianDue",
              "ageAssessmentDue",
              "distributionAssessmentDue",
              "reportDue",
              "distributionExcludedAt",
              "freedomRestrictionEndsAt",
              "objectionWithin",
              "courtDecisionWithin"));

  private static final Set<String> JUEL_WORDS =
      Set.of(
          "and",
          "or",
          "not",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "true",
          "false",
          "null",
          "empty",
          "instanceof",
          "div",
          "mod");
  private static final Set<String> COMPARISONS =
      Set.of("==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge");
  private static final Set<String> DATE_STEPS =
      Set.of("plusMinutes", "plusHours", "plusDays", "plusWeeks");

  private ExpressionGrammar() {}

  /**
   * Checks a text the engine treats as an expression template (literal text with {@code ${...}} or
   * {@code #{...}} parts). Returns why it is refused, or empty if every part keeps to the grammar.
   */
  static Optional<String> checkTemplate(String text) {
    try {
      for (String expression : JuelTokens.expressions(text)) {
        new Parser(JuelTokens.tokens(expression)).expression();
      }
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Checks a delegate reference: exactly {@code ${name}} with one of our delegates' bean names. */
  static Optional<String> checkDelegate(String text, Set<String> delegates) {
    String trimmed = text.trim();
    if (trimmed.startsWith("${") && trimmed.endsWith("}")) {
      String name = trimmed.substring(2, trimmed.length() - 1).trim();
      if (delegates.contains(name)) {
        return Optional.empty();
      }
      return Optional.of(
          "'" + name + "' is not one of our delegates " + delegates.stream().sorted().toList());
    }
    return Optional.of("a delegate is referenced as ${beanName} and nothing else");
  }

  /** True if the text contains an expression part at all. */
  static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Recursive descent over the tokens of one expression; every method consumes one production. */
  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    void expression() {
      if (tokens.isEmpty()) {
        throw new Refused("an expression is empty");
      }
      if (peek().is("execution") && lookahead(2).is("setVariable")) {
        expect("execution");
        expect(".");
        expect("setVariable");
        expect("(");
        string();
        expect(",");
        literal();
        expect(")");
      } else {
        or();
      }
      if (at < tokens.size()) {
        throw new Refused("'" + peek().text() + "' is not allowed here");
      }
    }

    private void or() {
      and();
      while (accept("||") || accept("or")) {
        and();
      }
    }

    private void and() {
      comparison();
      while (accept("&&") || accept("and")) {
        comparison();
      }
    }

    private void comparison() {
      unary();
      while (at < tokens.size()
          && COMPARISONS.contains(peek().text())
          && peek().kind() != Kind.STRING) {
        at++;
        unary();
      }
    }

    private void unary() {
      if (accept("!") || accept("not") || accept("empty")) {
        unary();
      } else if (accept("-")) {
        number();
      } else {
        primary();
      }
    }

    private void primary() {
      Token token = next();
      switch (token.kind()) {
        case STRING, NUMBER -> {}
        case IDENT -> identifier(token.text());
        case OP -> {
          if (!token.is("(")) {
            throw new Refused("'" + token.text() + "' is not allowed here");
          }
          or();
          expect(")");
        }
        default -> throw new IllegalStateException();
      }
    }

    private void identifier(String name) {
      switch (name) {
        case "true", "false", "null" -> {}
        case "execution" -> {
          expect(".");
          Token member = next();
          if (member.is("processBusinessKey")) {
            return;
          }
          if (member.is("getVariable")) {
            expect("(");
            string();
            expect(")");
            return;
          }
          throw new Refused(
              "execution."
                  + member.text()
                  + " is not allowed (only execution.processBusinessKey, "
                  + "execution.getVariable('name') and execution.setVariable('name', literal))");
        }
        case "decisionResult" -> {
          expect(".");
          expect("getSingleResult");
          expect("(");
          expect(")");
          expect(".");
          variableName(next());
        }
        case "caseFacts", "searchFacts", "dutyFacts" -> {
          expect(".");
          Token fact = next();
          Set<String> allowed = FACTS.get(name);
          if (!allowed.contains(fact.text())) {
            throw new Refused(
                name
                    + "."
                    + fact.text()
                    + " is not allowed (only "
                    + allowed.stream().sorted().toList()
                    + ")");
          }
          expect("(");
          expect("execution");
          expect(")");
        }
        case "dateTime" -> {
          expect("(");
          expect(")");
          expect(".");
          Token step = next();
          if (!DATE_STEPS.contains(step.text())) {
            throw new Refused(
                "dateTime()." + step.text() + " is not allowed (only " + DATE_STEPS + ")");
          }
          expect("(");
          Token amount = next();
          if (amount.kind() != Kind.NUMBER || amount.text().contains(".")) {
            throw new Refused("dateTime()." + step.text() + " takes a whole number");
          }
          expect(")");
          expect(".");
          expect("toDate");
          expect("(");
          expect(")");
        }
        default -> {
          variableName(new Token(Kind.IDENT, name));
          if (at < tokens.size() && (peek().is(".") || peek().is("("))) {
            throw new Refused(
                peek().is(".")
                    ? "property access '" + name + ".' is not allowed"
                    : "calling '" + name + "(' is not allowed");
          }
        }
      }
    }

    private void variableName(Token token) {
      if (token.kind() != Kind.IDENT
          || JUEL_WORDS.contains(token.text())
          || ENGINE_NAMES.contains(token.text())) {
        throw new Refused("'" + token.text() + "' is not a variable name");
      }
    }

    private void literal() {
      Token token = next();
      boolean ok =
          token.kind() == Kind.STRING
              || token.kind() == Kind.NUMBER
              || token.is("true")
              || token.is("false")
              || token.is("null");
      if (!ok) {
        throw new Refused("'" + token.text() + "' is not a literal");
      }
    }

    private void string() {
      if (next().kind() != Kind.STRING) {
        throw new Refused("a string literal is expected");
      }
    }

    private void number() {
      if (next().kind() != Kind.NUMBER) {
        throw new Refused("'-' is only allowed before a number");
      }
    }

    private boolean accept(String text) {
      if (at < tokens.size() && peek().is(text)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String text) {
      Token token = next();
      if (!token.is(text)) {
        throw new Refused("'" + text + "' expected instead of '" + token.text() + "'");
      }
    }

    private Token next() {
      if (at >= tokens.size()) {
        throw new Refused("the expression ends too early");
      }
      return tokens.get(at++);
    }

    private Token peek() {
      return tokens.get(at);
    }

    private Token lookahead(int offset) {
      return at + offset < tokens.size() ? tokens.get(at + offset) : new Token(Kind.OP, "");
    }
  }
}
