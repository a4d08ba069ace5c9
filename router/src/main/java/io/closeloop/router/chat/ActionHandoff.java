package io.closeloop.router.chat;

import io.closeloop.agents.api.AgentRequest;
import java.util.List;

/**
 * The seam to the action loop: queues the proposals the guardrails did not block as drafted
 * actions for the rep to approve, edit or reject ({@link ChatActionHandoff}, over the action
 * loop's drafting). The chat's own verdict on each proposal travels with it; it is not checked again.
 */
public interface ActionHandoff {

    /** One result per accepted proposal, in order. */
    List<Queued> queue(AgentRequest request, long decisionId, String agent, String route, List<ReviewedProposal> accepted);

    /**
     * What became of one proposal: the action id (an earlier action's id when the same proposal was
     * already queued, {@code created} false), or why it could not be queued ({@code problem}).
     */
    record Queued(ReviewedProposal proposal, Long actionId, boolean created, String problem) {
    }
}
