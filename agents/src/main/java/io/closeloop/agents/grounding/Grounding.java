package io.closeloop.agents.grounding;

import java.util.List;

/**
 * What an agent knows about the request's subject, read with the rep's permissions: the account
 * (null when none is in context), its contacts and deals as fact lines, the contact the request is
 * about, and the retrieved interactions.
 */
public record Grounding(AccountFacts account, List<ContactFacts> contacts, List<String> deals, ContactFacts contact,
        List<Evidence> evidence) {

    public record AccountFacts(long id, String name, String industry, String tier, String owner) {
    }

    public record ContactFacts(long id, String firstName, String lastName, String email, String title, String consent) {

        public String fullName() {
            return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        }
    }

    public List<Long> evidenceIds() {
        return evidence.stream().map(Evidence::interactionId).toList();
    }
}
