// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.Arrays;

/**
 * A failure a caller must see as an RFC 9457 problem. It carries a message code (resolved in English or
 * German from {@code messages*.properties}), its arguments and, for bad input, the offending field.
 */
public abstract class ProblemException extends RuntimeException {

  private final String code;
  private final transient Object[] args;
  private final String field;

  protected ProblemException(String code, String field, Object... args) {
    super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
    this.code = code;
    this.args = args.clone();
    this.field = field;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The request field that is wrong, or {@code null} when the problem is a state, not an input. */
  public String field() {
    return field;
  }

  /** 404: the thing does not exist (or the caller may not know it exists). */
  public static class NotFound extends ProblemException {
    public NotFound(String code, Object... args) {
      super(code, null, args);
    }
  }

  /** 409: the request is valid but the current state does not allow it. */
  public static class Conflict extends ProblemException {
    public Conflict(String code, Object... args) {
      super(code, null, args);
    }
  }

  /** 400: a field is wrong in a way that Bean Validation cannot express. */
  public static class InvalidInput extends ProblemException {
    public InvalidInput(String field, String code, Object... args) {
      super(code, field, args);
    }
  }

  /** 403: the caller is known but may not do this. */
  public static class Forbidden extends ProblemException {
    public Forbidden(String code, Object... args) {
      super(code, null, args);
    }
  }
}
