// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A failure a caller must see as an RFC 9457 problem. It carries a message code (resolved in
 * English or German from {@code messages*.properties}), its arguments and, for bad input, the
 * offending field.
 */
public abstract class ProblemException extends RuntimeException {

  private final String code;
  private final transient Object[] args;
  private final String field;
  private final Map<String, Object> properties = new LinkedHashMap<>();

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

  /** The HTTP status this problem is answered with (400 unless a subclass says otherwise). */
  public int status() {
    return 400;
  }

  /**
   * Further fields of the problem response that a client reads by name, e.g. {@code caseReference}.
   */
  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  /** Adds a field of the problem response (see {@link #properties()}); returns this problem. */
  public ProblemException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /**
   * The problem anywhere in a cause chain, e.g. thrown by a delegate and wrapped by the engine or
   * its REST API into a {@code ProcessEngineException} or {@code RestException}.
   */
  public static Optional<ProblemException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException problem) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }

  /** 404: the thing does not exist (or the caller may not know it exists). */
  public static class NotFound extends ProblemException {
    public NotFound(String code, Object... args) {
      super(code, null, args);
    }

    @Override
    public int status() {
      return 404;
    }
  }

  /** 409: the request is valid but the current state does not allow it. */
  public static class Conflict extends ProblemException {
    public Conflict(String code, Object... args) {
      super(code, null, args);
    }

    @Override
    public int status() {
      return 409;
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

    @Override
    public int status() {
      return 403;
    }
  }
}
