package io.closeloop.kernel.ratelimit;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A chat-shaped endpoint for the limiter's test until the router's /api/chat lands on main. */
@Path("/api/test/chat-probe")
@Authenticated
@ChatRateLimited
public class ChatProbeResource {

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String chat() {
        return "ok";
    }
}
