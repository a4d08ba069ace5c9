package io.closeloop.agents.api;

import java.time.Instant;
import java.util.List;

/**
 * An activity to log against the CRM (a call, meeting, e-mail or note that happened): who took
 * part, when, and what was said, matched to CRM records.
 */
public record NoteProposal(String channel, Instant occurredAt, Long accountId, Long contactId, Long dealId, String summary,
        List<Long> evidenceIds, String rationale) implements ProposedAction {

    public NoteProposal {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
