package io.closeloop.app;

import io.closeloop.kernel.ratelimit.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A used-up per-user limit: 429 problem+json with {@code Retry-After} in seconds (RFC 9110 §10.2.3). */
public class RateLimitMapper {

    @ServerExceptionMapper
    public Response tooMany(RateLimitedException e, UriInfo uri) {
        return Problem.builder(e.type(), e.getMessage(), uri.getPath(), e.errors())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
