// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.core.NestedRuntimeException;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as the starter configures it, plus mappers: a rejected form is a bad
 * request (400 with the German message), even when the engine has wrapped it into a task listener
 * failure; one of our problems ({@link ProblemException}, e.g. a hold that another answer confirmed
 * a moment earlier) is answered with its status and code as {@code /api} answers it, wherever in
 * the cause chain it is; a concurrent change (optimistic locking) is a 409, a task completed
 * meanwhile a 404 and a lost database a 503, not Camunda's 500. This class is the one place of that
 * mapping for {@code /engine-rest}.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  /** What the engine says when a job to execute does not exist. */
  private static final String JOB_NOT_FOUND = "No job found with id";

  @Override
  protected void registerAdditionalResources() {
    register(FormRejectionMapper.class);
    register(WrappedFormRejectionMapper.class);
    register(SpringFailureMapper.class);
    register(UnreadableJsonMapper.class);
    register(EngineRaceMapper.class);
    register(UnmappableJsonMapper.class);
    register(ProblemMapper.class);
  }

  /**
   * One of our problems thrown unwrapped (a delegate's exception passes the engine as it is): its
   * status and code.
   */
  @Priority(Priorities.USER - 100)
  public static class ProblemMapper implements ExceptionMapper<ProblemException> {

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException exception) {
      return problem(exception, headers);
    }
  }

  /**
   * The engine tripping over a process instance that another node ended at the same moment: 409,
   * not 500.
   */
  @Priority(Priorities.USER - 100)
  public static class EngineRaceMapper implements ExceptionMapper<NullPointerException> {

    private final ExceptionHandler camunda = new ExceptionHandler();

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(NullPointerException exception) {
      Response mapped = mapped(exception, headers);
      return mapped != null ? mapped : camunda.toResponse(exception);
    }
  }

  /** A body that is not JSON: 400 saying so (Camunda's own answer has an empty message). */
  @Priority(Priorities.USER - 100)
  public static class UnreadableJsonMapper implements ExceptionMapper<JsonParseException> {

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(JsonParseException exception) {
      return coded(
          Response.Status.BAD_REQUEST, "InvalidRequest", "problem.engine.bad-request", headers);
    }
  }

  /** JSON of the wrong form (e.g. a string where an object belongs): 400 saying so. */
  @Priority(Priorities.USER - 100)
  public static class UnmappableJsonMapper implements ExceptionMapper<JsonMappingException> {

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(JsonMappingException exception) {
      return coded(
          Response.Status.BAD_REQUEST, "InvalidRequest", "problem.engine.bad-request", headers);
    }
  }

  /**
   * Spring's data access and transaction failures (a commit or rollback on a lost connection): 409
   * or 503.
   */
  @Priority(Priorities.USER - 100)
  public static class SpringFailureMapper implements ExceptionMapper<NestedRuntimeException> {

    private final ExceptionHandler camunda = new ExceptionHandler();

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(NestedRuntimeException exception) {
      Response mapped = mapped(exception, headers);
      return mapped != null ? mapped : camunda.toResponse(exception);
    }
  }

  /** Answers form rejections with 400; every other engine failure as Camunda's own handler does. */
  @Priority(Priorities.USER - 100)
  public static class FormRejectionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response rejected = mapped(exception, headers);
      return rejected != null ? rejected : camunda.toResponse(exception);
    }
  }

  /**
   * The same for form submissions, which the REST resources wrap into a RestException with status
   * 500.
   */
  @Priority(Priorities.USER - 100)
  public static class WrappedFormRejectionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = exception.getCause();
      CommandFailures.Failure failure = null;
      if (cause == null) {
        // Camunda's resources often pass on only the message; the command's failure says what it
        // was
        failure = CommandFailures.lastWithMessage(exception.getMessage()).orElse(null);
        cause = failure == null ? null : failure.exception();
      }
      Response rejected = mapped(cause == null ? exception : cause, headers);
      if (rejected == null
          && failure != null
          && failure.command() == ExecuteJobsCmd.class
          && !String.valueOf(cause.getMessage()).contains(JOB_NOT_FOUND)) {
        // the job exists but failed (its retries were counted down): Camunda answers 404 as if it
        // did not exist
        rejected =
            coded(
                Response.Status.INTERNAL_SERVER_ERROR,
                "JobFailed",
                "problem.engine.job-failed",
                headers);
      }
      if (rejected == null
          && (exception.getMessage() == null || exception.getMessage().isBlank())) {
        // Camunda answers some unknown ids and unreadable bodies with an empty message
        if (exception.getStatus() == Response.Status.NOT_FOUND) {
          rejected =
              coded(Response.Status.NOT_FOUND, "NotFound", "problem.engine.not-found", headers);
        } else if (exception.getStatus() == Response.Status.BAD_REQUEST) {
          rejected =
              coded(
                  Response.Status.BAD_REQUEST,
                  "InvalidRequest",
                  "problem.engine.bad-request",
                  headers);
        }
      }
      return rejected != null ? rejected : camunda.toResponse(exception);
    }
  }

  /**
   * 400 with the German message if a form rejection is the cause, 409 for a concurrent change, 503
   * for a lost database (in the caller's language), otherwise {@code null}.
   */
  /**
   * The engine's refusal to skip listeners or mappings when a process starts at its start event.
   */
  private static final String SKIP_AT_START_EVENT = "ENGINE-13024";

  static Response mapped(Throwable exception, HttpHeaders headers) {
    Response rejected = badRequest(exception);
    if (rejected != null) {
      return rejected;
    }
    ProblemException problem = ProblemException.in(exception).orElse(null);
    if (problem != null) {
      return problem(problem, headers);
    }
    if (Failures.concurrentChange(exception)) {
      return coded(
          Response.Status.CONFLICT, "ConcurrentChange", "problem.concurrent-change", headers);
    }
    if (String.valueOf(exception.getMessage()).contains(SKIP_AT_START_EVENT)) {
      // a start at the start event asking to skip listeners or mappings: the engine refuses it
      // before any command runs, and Camunda's resource answers its refusal with 500
      return coded(
          Response.Status.BAD_REQUEST, "InvalidRequest", "problem.engine.skip-at-start", headers);
    }
    if (Failures.taskGone(exception)) {
      return coded(Response.Status.NOT_FOUND, "TaskGone", "problem.task.gone", headers);
    }
    if (Failures.databaseUnavailable(exception)) {
      return coded(
          Response.Status.SERVICE_UNAVAILABLE,
          "DatabaseUnavailable",
          "problem.database-unavailable",
          headers);
    }
    return null;
  }

  /**
   * Our problem in Camunda's error format ({@code type}, {@code message}) plus its {@code code},
   * field and properties.
   */
  static Response problem(ProblemException problem, HttpHeaders headers) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getClass().getSimpleName());
    Object[] args =
        Arrays.stream(problem.args())
            .map(a -> a instanceof Long || a instanceof Integer ? a.toString() : a)
            .toArray();
    String pattern = bundle(headers).getString(problem.code());
    body.put(
        "message",
        args.length == 0 ? pattern : new MessageFormat(pattern, locale(headers)).format(args));
    body.put("code", problem.code());
    if (problem.field() != null) {
      body.put("field", problem.field());
    }
    body.putAll(problem.properties());
    return Response.status(problem.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  private static Locale locale(HttpHeaders headers) {
    Locale asked =
        headers == null || headers.getAcceptableLanguages().isEmpty()
            ? Locale.ENGLISH
            : headers.getAcceptableLanguages().get(0);
    return "de".equals(asked.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
  }

  private static ResourceBundle bundle(HttpHeaders headers) {
    return ResourceBundle.getBundle(
        "messages",
        Locale.GERMAN.equals(locale(headers)) ? Locale.GERMAN : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Response coded(
      Response.Status status, String type, String code, HttpHeaders headers) {
    String text = bundle(headers).getString(code);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", text);
    body.put("code", code);
    Response.ResponseBuilder response =
        Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    if (status == Response.Status.SERVICE_UNAVAILABLE) {
      response.header("Retry-After", "5");
    }
    return response.build();
  }

  /**
   * 400 with the German message if a form rejection is the cause (ours, or the engine guard's
   * refusal of a variable, which resources that answer 500 for every engine failure wrap),
   * otherwise {@code null}.
   */
  static Response badRequest(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof FormFieldValidationException rejected) {
        return rejection(FormFieldValidationException.class, rejected, rejected.getDetail());
      }
      if (t instanceof FormRejectedException rejected) {
        return rejection(FormRejectedException.class, rejected, rejected.field());
      }
    }
    return null;
  }

  private static Response rejection(Class<?> type, Throwable rejected, Object field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.getSimpleName());
    body.put("message", rejected.getMessage());
    body.put("field", field);
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
