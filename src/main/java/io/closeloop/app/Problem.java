package io.closeloop.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemType;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document, with the field errors and the trace id to quote to support. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return builder(type, detail, instance, errors).build();
    }

    public static Response.ResponseBuilder builder(ProblemType type, String detail, String instance, List<FieldError> errors) {
        String traceId = Span.current().getSpanContext().isValid() ? Span.current().getSpanContext().getTraceId() : null;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, traceId);
        return Response.status(type.status()).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem);
    }
}
