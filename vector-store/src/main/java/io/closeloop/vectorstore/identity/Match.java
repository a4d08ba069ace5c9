package io.closeloop.vectorstore.identity;

import io.closeloop.vectorstore.interaction.MatchMethod;

/** The CRM links found for an interaction, how they were found, and what was not found. */
public record Match(Long accountId, Long contactId, Long dealId, MatchMethod method, String detail) {

    public boolean matched() {
        return method != MatchMethod.UNMATCHED;
    }
}
