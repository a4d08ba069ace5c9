package io.closeloop.actions.signal;

import java.time.Instant;

/**
 * An ingested interaction as the detectors need it (the payload of
 * {@code vectorstore.interaction.ingested}, or an in-process call after ingestion commits).
 *
 * @param direction INBOUND (from the customer) or OUTBOUND (from the rep)
 * @param from       the sender's address, for replies
 * @param occurredAt when the interaction happened (evidence fades from then)
 * @param ingestedAt when Closeloop received it (event-to-draft latency is measured from then; null = now)
 */
public record InteractionSignal(Long interactionId, Long accountId, Long contactId, Long dealId, String channel,
        String direction, Instant occurredAt, String subject, String text, String from, String threadId, Instant ingestedAt) {

    public InteractionSignal {
        ingestedAt = ingestedAt == null ? Instant.now() : ingestedAt;
    }

    public boolean inbound() {
        return "INBOUND".equalsIgnoreCase(direction);
    }

    public boolean outbound() {
        return "OUTBOUND".equalsIgnoreCase(direction);
    }
}
