package io.closeloop.guardrails.review;

/**
 * One recipient of a draft. {@code contactId} is set when the address belongs to a CRM contact
 * (of any account); {@code accountContact} when that contact belongs to the draft's account;
 * {@code accountDomain} when the address is at the account's own domain.
 */
public record RecipientFact(String email, Long contactId, String consent, boolean accountContact, boolean accountDomain) {

    public boolean consentGranted() {
        return "GRANTED".equals(consent);
    }
}
