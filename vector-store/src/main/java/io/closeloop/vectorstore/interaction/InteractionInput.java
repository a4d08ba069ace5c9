package io.closeloop.vectorstore.interaction;

import java.util.List;

/**
 * An interaction as a source system sends it (webhook, import row, queue message). Everything is
 * checked by {@code InteractionValidator}; unknown CRM ids are not errors (kept unmatched).
 *
 * @param externalId  the source's id; the idempotency key (same id again = same interaction)
 * @param source      the system it came from (e.g. {@code gmail}); defaults to the ingestion path
 * @param channel     EMAIL, CALL, MEETING, CHAT or NOTE
 * @param direction   INBOUND, OUTBOUND or INTERNAL; defaults to INTERNAL for notes, else INBOUND
 * @param occurredAt  ISO-8601 instant or offset date-time
 * @param fromEmail   sender address, used to find the contact or account
 * @param toEmails    recipient addresses, used like {@code fromEmail} for outbound interactions
 * @param companyName the customer's company as the source knows it, used when no address matches
 */
public record InteractionInput(String externalId, String source, String channel, String direction, String occurredAt,
        Long accountId, Long contactId, Long dealId, String subject, String body, String threadId,
        String fromEmail, String fromName, List<String> toEmails, String companyName) {
}
