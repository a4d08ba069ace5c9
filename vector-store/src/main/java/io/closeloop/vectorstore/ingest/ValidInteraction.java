package io.closeloop.vectorstore.ingest;

import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.Direction;
import java.time.Instant;
import java.util.List;

/** An interaction that passed {@link InteractionValidator}: trimmed, typed, with its content hash. */
public record ValidInteraction(String externalId, String source, Channel channel, Direction direction, Instant occurredAt,
        Long accountId, Long contactId, Long dealId, String subject, String body, String threadId, String fromEmail,
        String fromName, List<String> toEmails, String companyName, String contentHash) {

    /** The text that is chunked and embedded: subject and body. */
    public boolean sameText(String otherSubject, String otherBody) {
        return java.util.Objects.equals(subject, otherSubject) && body.equals(otherBody);
    }
}
