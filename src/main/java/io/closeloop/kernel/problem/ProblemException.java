package io.closeloop.kernel.problem;

import java.util.List;

/**
 * A failure the caller should see as an RFC 9457 problem. Thrown by any layer; the application
 * shell maps it to {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + reason,
                List.of(new FieldError(field, reason)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException tooLarge(long limitBytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The body exceeds the limit of " + limitBytes + " bytes", List.of(new FieldError("body", "larger than " + limitBytes + " bytes")));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
