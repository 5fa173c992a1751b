package de.ksi.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API as the starter configures it, plus one mapper: a rejected form is a bad request
 * (400 with the German message), even when the engine has wrapped it into a task listener failure.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(FormRejectionMapper.class);
    register(WrappedFormRejectionMapper.class);
  }

  /** Answers form rejections with 400; every other engine failure as Camunda's own handler does. */
  @Priority(Priorities.USER - 100)
  public static class FormRejectionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response rejected = badRequest(exception);
      return rejected != null ? rejected : camunda.toResponse(exception);
    }
  }

  /** The same for form submissions, which the REST resources wrap into a RestException with status 500. */
  @Priority(Priorities.USER - 100)
  public static class WrappedFormRejectionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Response rejected = badRequest(exception);
      return rejected != null ? rejected : camunda.toResponse(exception);
    }
  }

  /** 400 with the German message if a form rejection is the cause, otherwise {@code null}. */
  static Response badRequest(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof FormRejectedException rejected) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", FormRejectedException.class.getSimpleName());
        body.put("message", rejected.getMessage());
        body.put("field", rejected.field());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return null;
  }
}
