package io.closeloop.agents.api;

import java.time.Instant;

/** An interaction an answer relies on, with the snippet that was used and where to open it. */
public record Citation(long interactionId, String subject, String channel, Instant occurredAt, String snippet, String link) {

    public static String linkTo(long interactionId) {
        return "/api/interactions/" + interactionId;
    }
}
