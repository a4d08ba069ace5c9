package io.closeloop.vectorstore.interaction;

import java.time.Instant;
import java.util.List;

/** An interaction as the API shows it. */
public record InteractionView(Long id, String externalId, String source, IngestPath ingestedVia, Channel channel,
        Direction direction, Instant occurredAt, Long accountId, Long contactId, Long dealId, String subject, String body,
        String threadId, String fromEmail, String fromName, List<String> toEmails, String companyName,
        MatchMethod matchMethod, String matchDetail, Instant matchedAt, Instant updatedAt) {

    public static InteractionView of(Interaction i) {
        return new InteractionView(i.id, i.externalId, i.source, i.ingestedVia, i.channel, i.direction, i.occurredAt,
                i.accountId, i.contactId, i.dealId, i.subject, i.body, i.threadId, i.fromEmail, i.fromName,
                List.of(i.toEmails), i.companyName, i.matchMethod, i.matchDetail, i.matchedAt, i.updatedAt);
    }
}
