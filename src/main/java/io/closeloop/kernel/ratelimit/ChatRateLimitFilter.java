package io.closeloop.kernel.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Priorities;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Applies the per-user chat limit to endpoints marked {@link ChatRateLimited}, after authentication. */
@Provider
@ChatRateLimited
@Priority(Priorities.USER)
public class ChatRateLimitFilter implements ContainerRequestFilter {

    private final UserRateLimiter limiter;
    private final SecurityIdentity identity;

    public ChatRateLimitFilter(UserRateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!identity.isAnonymous()) {
            limiter.acquireChat(identity.getPrincipal().getName());
        }
    }
}
