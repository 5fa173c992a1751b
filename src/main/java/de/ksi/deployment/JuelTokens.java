// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a JUEL template into its expression parts and an expression into tokens, as the engine's
 * JUEL reads them (string literals may hold '}'); characters the grammar has no use for are refused
 * here already.
 */
final class JuelTokens {

  private JuelTokens() {}

  /** The expression parts of a template, without their delimiters. */
  static List<String> expressions(String text) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = endOfExpression(text, i + 2);
        parts.add(text.substring(i + 2, end));
        i = end + 1;
      } else {
        i++;
      }
    }
    return parts;
  }

  /**
   * The index of the '}' closing an expression that starts at {@code from}, skipping string
   * literals.
   */
  private static int endOfExpression(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        return i;
      }
      i = (c == '\'' || c == '"') ? endOfString(text, i) + 1 : i + 1;
    }
    throw new Refused("an expression is not closed with '}'");
  }

  private static int endOfString(String text, int start) {
    char quote = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    throw new Refused("a string literal is not closed");
  }

  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    OP
  }

  record Token(Kind kind, String text) {
    boolean is(String value) {
      return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(value);
    }
  }

  static List<Token> tokens(String expression) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        int end = endOfString(expression, i);
        tokens.add(new Token(Kind.STRING, expression.substring(i, end + 1)));
        i = end + 1;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < expression.length()
            && (Character.isDigit(expression.charAt(end)) || expression.charAt(end) == '.')) {
          end++;
        }
        String number = expression.substring(i, end);
        if (!number.matches("\\d+(\\.\\d+)?")) {
          throw new Refused("'" + number + "' is not a number");
        }
        tokens.add(new Token(Kind.NUMBER, number));
        i = end;
      } else if (Character.isJavaIdentifierStart(c) && c != '$') {
        int end = i + 1;
        while (end < expression.length()
            && Character.isJavaIdentifierPart(expression.charAt(end))
            && expression.charAt(end) != '$') {
          end++;
        }
        tokens.add(new Token(Kind.IDENT, expression.substring(i, end)));
        i = end;
      } else {
        String two = i + 1 < expression.length() ? expression.substring(i, i + 2) : "";
        if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
          tokens.add(new Token(Kind.OP, two));
          i += 2;
        } else if ("<>!().,-".indexOf(c) >= 0) {
          tokens.add(new Token(Kind.OP, String.valueOf(c)));
          i++;
        } else {
          throw new Refused("'" + c + "' is not allowed in an expression");
        }
      }
    }
    return tokens;
  }

  /** Why an expression is refused. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
