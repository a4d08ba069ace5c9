package io.closeloop.kernel.ratelimit;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A chat-shaped endpoint for the limiter's test until the router's /api/chat lands on main. */
@Path("/api/test/chat-probe")
@Authenticated
public class ChatProbeResource {

    private final UserRateLimiter limiter;
    private final SecurityIdentity identity;

    public ChatProbeResource(UserRateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String chat() {
        limiter.acquireChat(identity.getPrincipal().getName());
        return "ok";
    }
}
