package io.closeloop.router.chat;

import io.closeloop.crm.rep.Rep;
import java.util.List;

/**
 * The seam to the action loop (actions/, issue 7): queues the proposals the guardrails did not
 * block as drafted actions for the rep to approve, edit or reject, and returns their ids in order.
 * The implementation is an adapter in router over the action loop's queue; until one is deployed
 * the chat answers without drafted action ids and says that nothing was queued.
 */
public interface ActionHandoff {

    List<Long> queue(Rep rep, long decisionId, List<ReviewedProposal> accepted);
}
