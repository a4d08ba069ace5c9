package io.closeloop.router.chat;

import io.closeloop.agents.api.ProposedAction;
import io.closeloop.guardrails.catalogue.Verdict;

/** A proposed action with the guardrails' verdict on it; {@code accepted} unless it was blocked. */
public record ReviewedProposal(ProposedAction proposal, Verdict verdict, Long verdictId, Long approverId) {

    public boolean accepted() {
        return verdict != Verdict.BLOCK;
    }
}
