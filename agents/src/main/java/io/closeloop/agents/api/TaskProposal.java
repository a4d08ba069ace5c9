package io.closeloop.agents.api;

import java.time.LocalDate;
import java.util.List;

/** A task for a rep (by default the requester), optionally about an account, deal or contact. */
public record TaskProposal(long ownerId, String subject, LocalDate dueDate, Long accountId, Long dealId, Long contactId,
        List<Long> evidenceIds, String rationale) implements ProposedAction {

    public TaskProposal {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
