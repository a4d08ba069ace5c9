package io.closeloop.guardrails.review;

/**
 * The output under review: its channel ({@code EMAIL}, {@code CHAT}, {@code NOTE}, {@code TASK},
 * {@code CHANGE}), subject and body, and whether grounding sources came with it.
 */
public record DraftFact(String channel, String subject, String body, boolean hasGrounding) {

    public boolean isEmail() {
        return "EMAIL".equals(channel);
    }
}
