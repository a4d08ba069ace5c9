package io.closeloop.guardrails.review;

/** An e-mail address or phone number in the text that belongs to a CRM contact of {@code accountId}. */
public record PersonalDataMention(String kind, String value, Long accountId) {
}
