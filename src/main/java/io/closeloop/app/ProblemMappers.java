package io.closeloop.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the HTTP API as {@code application/problem+json} (RFC 9457) with a stable
 * {@code type}; a bad request names each field and the reason. Pages get a redirect to the
 * login form instead of a 401.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problem.response(e.type(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return Problem.response(ProblemType.VALIDATION, detail, path(uri), errors);
    }

    // Listed by concrete type so they win over the JSON provider's own mappers.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class,
            UnrecognizedPropertyException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        boolean truncated = e instanceof JsonParseException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
        if (!truncated && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = mapping.getOriginalMessage().split("\n")[0];
            return Problem.response(ProblemType.VALIDATION, field + ": " + reason, path(uri), List.of(new FieldError(field, reason)));
        }
        return Problem.response(ProblemType.MALFORMED, "The body is not valid JSON: " + e.getOriginalMessage().split("\n")[0],
                path(uri), List.of(new FieldError("body", "not valid JSON")));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        if (!isApi(uri)) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Problem.builder(ProblemType.UNAUTHENTICATED, "Send valid credentials (HTTP basic or a bearer token)", path(uri), List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"closeloop\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.response(ProblemType.FORBIDDEN, "Your role does not allow this", path(uri), List.of());
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response staleWrite(RuntimeException e, UriInfo uri) {
        return Problem.response(ProblemType.CONFLICT, "Someone else changed this record at the same time: reload it and try again",
                path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        if (status == 401) {
            return unauthenticated(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? type.title() : e.getMessage();
        Response.ResponseBuilder builder = Problem.builder(type, detail, path(uri), List.of());
        if (status != type.status()) {
            builder.status(status);
        }
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            // seen in the PostgreSQL restart drill: a 500 said "our bug" where the truth is "come back in a moment"
            LOG.warnf("Database unreachable on %s: %s", path(uri), e.getMessage());
            return Problem.builder(ProblemType.UNAVAILABLE, "The database cannot be reached at the moment; retry in a few seconds",
                    path(uri), List.of()).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        LOG.errorf(e, "Unhandled error on %s", path(uri));
        return Problem.response(ProblemType.INTERNAL, "Unexpected error; quote the trace id when you report it", path(uri), List.of());
    }

    /** A JDBC connection failure (SQLState class 08) or a server shutting down (57P01-57P03) anywhere in the causes. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApi(UriInfo uri) {
        return path(uri).startsWith("/api/") || path(uri).startsWith("/q/");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** The property path without the method and parameter nodes: {@code create.input.name} is {@code name}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An index or key says where in the *previous* node's container this node sits:
                // examples[0].text, not examples.text[0].
                String position = node.getIndex() != null ? "[" + node.getIndex() + "]"
                        : node.getKey() != null ? "[" + node.getKey() + "]" : "";
                if (!position.isEmpty()) {
                    if (parts.isEmpty()) {
                        parameter = (parameter == null ? "" : parameter) + position;
                    } else {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + position);
                    }
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    parts.add(node.getName());
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        String field = String.join(".", parts);
        return parameter != null && parameter.startsWith("[") ? parameter + "." + field : field;
    }
}
