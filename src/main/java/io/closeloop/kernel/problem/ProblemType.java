package io.closeloop.kernel.problem;

/**
 * The stable problem types of the API (RFC 9457 {@code type}). Clients may switch on the slug;
 * it never changes meaning once published.
 */
public enum ProblemType {
    VALIDATION(400, "validation-failed", "The request is not valid"),
    MALFORMED(400, "malformed-request", "The request body could not be read"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "You are not allowed to do this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "The resource was changed by someone else"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
    UNPROCESSABLE(422, "unprocessable", "The request cannot be carried out"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal-error", "Something went wrong on our side"),
    UNAVAILABLE(503, "unavailable", "A dependency is unavailable");

    public static final String BASE = "urn:closeloop:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status; a bare 400 is a malformed request (validation is always explicit). */
    public static ProblemType forStatus(int status) {
        if (status == 400) {
            return MALFORMED;
        }
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED;
    }
}
