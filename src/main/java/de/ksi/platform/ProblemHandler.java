// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become RFC 9457 problems. Every problem names the field or state
 * that is wrong; the text is English unless the caller asks for German with {@code Accept-Language:
 * de}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final MessageSource texts;

  ProblemHandler(MessageSource texts) {
    this.texts = texts;
  }

  /**
   * A browser asking for a page that does not exist gets the German error page
   * (de.ksi.guide.ErrorPages) through the container's error dispatch; API callers keep the problem.
   */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (request instanceof ServletWebRequest page
        && page.getResponse() != null
        && String.valueOf(page.getHeader(HttpHeaders.ACCEPT)).contains("text/html")
        && !page.getRequest().getRequestURI().matches("^/(api|engine-rest|v3|actuator)(/.*)?$")) {
      try {
        page.getResponse().sendError(HttpStatus.NOT_FOUND.value());
        return null;
      } catch (java.io.IOException e) {
        LOG.debug("error page not sent", e);
      }
    }
    return super.handleNoResourceFoundException(ex, headers, status, request);
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> problem(ProblemException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(e.code(), e.args()));
    problem.setProperty("code", e.code());
    e.properties().forEach(problem::setProperty);
    if (e.field() != null) {
      problem.setProperty("field", e.field());
      problem.setProperty(
          "errors", List.of(Map.of("field", e.field(), "message", problem.getDetail())));
    }
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e) {
    LOG.info("concurrent change answered with 409: {}", e.getMessage());
    return coded(HttpStatus.CONFLICT, "problem.concurrent-change");
  }

  /**
   * The database dropped out (connection refused, pool timed out, connection lost): 503, retry
   * later.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    TransientDataAccessResourceException.class
  })
  ResponseEntity<Object> databaseUnavailable(RuntimeException e) {
    LOG.warn("database unavailable, answered with 503: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(coded(HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable").getBody());
  }

  /**
   * Any other failure whose cause is a lost database connection or a concurrent change; the rest
   * stays a 500.
   */
  @ExceptionHandler({
    DataAccessException.class,
    TransactionException.class,
    PersistenceException.class,
    NullPointerException.class
  })
  ResponseEntity<Object> wrappedFailure(RuntimeException e) {
    if (ProblemException.in(e).isPresent()) {
      return problem(ProblemException.in(e).get());
    }
    if (Failures.databaseUnavailable(e)) {
      return databaseUnavailable(e);
    }
    if (Failures.concurrentChange(e)) {
      return concurrentChange(e);
    }
    throw e;
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
    LOG.info("integrity violation answered with 409: {}", e.getMostSpecificCause().getMessage());
    return coded(HttpStatus.CONFLICT, "problem.integrity");
  }

  /**
   * A form check failed inside the engine (possibly wrapped by a task listener): 400 with its
   * message.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Object> engineFailure(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FormRejectedException rejected) {
        String field = rejected.field() == null ? "form" : rejected.field();
        return invalid(List.of(Map.of("field", field, "message", rejected.getMessage())));
      }
    }
    if (ProblemException.in(e).isPresent()) {
      return problem(ProblemException.in(e).get());
    }
    if (Failures.databaseUnavailable(e)) {
      return databaseUnavailable(e);
    }
    if (Failures.concurrentChange(e)) {
      return concurrentChange(e);
    }
    if (Failures.taskGone(e)) {
      return coded(HttpStatus.CONFLICT, "problem.task.gone");
    }
    throw e;
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> engineForbidden(AuthorizationException e) {
    return coded(HttpStatus.FORBIDDEN, "problem.forbidden");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    Map.of(
                        "field",
                        lastNode(v.getPropertyPath().toString()),
                        "message",
                        v.getMessage()))
            .toList();
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .collect(Collectors.toList());
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors.add(
                    Map.of(
                        "field",
                        g.getObjectName(),
                        "message",
                        String.valueOf(g.getDefaultMessage()))));
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                Map.of(
                                    "field",
                                    parameterName(r.getMethodParameter()),
                                    "message",
                                    String.valueOf(err.getDefaultMessage()))))
            .toList();
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(
        List.of(
            Map.of("field", e.getParameterName(), "message", text("problem.parameter-missing"))));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = e.getPropertyName();
    Class<?> type = e.getRequiredType();
    if (e instanceof MethodArgumentTypeMismatchException m) {
      field = m.getName();
      // for List<Category> name the element type, so the caller learns the allowed values
      type = m.getParameter().nested().getNestedParameterType();
    }
    Object value =
        e.getValue() instanceof Object[] values && values.length == 1 ? values[0] : e.getValue();
    return invalid(
        List.of(Map.of("field", String.valueOf(field), "message", wrongValue(type, value))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.getCause() instanceof UnrecognizedPropertyException u) {
      return invalid(
          List.of(Map.of("field", u.getPropertyName(), "message", text("problem.field-unknown"))));
    }
    if (e.getCause() instanceof TextInputModule.InvalidText t) {
      return invalid(
          List.of(Map.of("field", path(t), "message", text("problem.field-characters"))));
    }
    if (e.getCause() instanceof InvalidFormatException f) {
      return invalid(
          List.of(
              Map.of("field", path(f), "message", wrongValue(f.getTargetType(), f.getValue()))));
    }
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return invalid(
          List.of(Map.of("field", path(m), "message", text("problem.field-wrong-type"))));
    }
    return invalid(List.of(Map.of("field", "body", "message", text("problem.body-unreadable"))));
  }

  private ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
    String fields =
        errors.stream().map(m -> m.get("field")).distinct().collect(Collectors.joining(", "));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("problem.invalid", fields));
    problem.setProperty("code", "problem.invalid");
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).get("field"));
    }
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  private ResponseEntity<Object> coded(HttpStatus status, String code) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(code));
    problem.setProperty("code", code);
    return ResponseEntity.status(status).body(problem);
  }

  private String wrongValue(Class<?> type, Object value) {
    if (type != null && type.isEnum()) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
      return text("problem.enum-unknown", String.valueOf(value), allowed);
    }
    return text("problem.field-wrong-type-value", String.valueOf(value));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /**
   * The name the caller used, e.g. {@code category} for {@code @RequestParam(name = "category")
   * List<Category> categories}.
   */
  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return String.valueOf(parameter.getParameterName());
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private String text(String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    return texts.getMessage(code, plain(args), code, locale);
  }

  /**
   * Ids and counts as plain digits: "Offer 123456", not MessageFormat's "Offer 123,456" (German
   * "123.456").
   */
  private static Object[] plain(Object[] args) {
    return Arrays.stream(args)
        .map(a -> a instanceof Long || a instanceof Integer ? a.toString() : a)
        .toArray();
  }
}
