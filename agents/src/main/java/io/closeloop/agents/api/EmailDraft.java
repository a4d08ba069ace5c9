package io.closeloop.agents.api;

import java.util.List;

/** An e-mail to one contact, drafted for the rep to edit and approve. */
public record EmailDraft(Long accountId, Long contactId, String to, String subject, String body, List<Long> evidenceIds,
        String rationale) implements ProposedAction {

    public EmailDraft {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
