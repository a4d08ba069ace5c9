package io.closeloop.agents.grounding;

import io.closeloop.agents.api.Citation;
import java.time.Instant;

/** One retrieved interaction: the text an agent may ground on and cite. */
public record Evidence(long interactionId, String subject, String channel, String direction, Instant occurredAt, String text) {

    public Citation citation() {
        return new Citation(interactionId, subject, channel, occurredAt, text, Citation.linkTo(interactionId));
    }
}
