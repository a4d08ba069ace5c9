package io.closeloop.router.chat;

import io.closeloop.agents.api.ProposedAction;
import io.closeloop.guardrails.catalogue.Verdict;
import java.util.List;

/**
 * A proposed action with the guardrails' verdict on it (the stored verdict's id, the rules that
 * fired, the repaired subject and body on REPAIR, the approver on NEEDS_APPROVAL); {@code accepted}
 * unless it was blocked.
 */
public record ReviewedProposal(ProposedAction proposal, Verdict verdict, Long verdictId, List<String> rules, String repairedSubject,
        String repairedBody, Long approverId) {

    public ReviewedProposal {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean accepted() {
        return verdict != Verdict.BLOCK;
    }
}
